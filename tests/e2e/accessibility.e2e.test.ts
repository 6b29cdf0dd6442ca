import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousAxeViolations, smallTouchTargets } from './axe'
import {
  addProposal,
  createMeetingFrom,
  newDevice,
  retainInPlenary,
  SCREENSHOTS,
  setUpEvening,
  showView,
  validateProposal,
  waitForSyncState,
} from './harness'

const evening = setUpEvening({ screenshotFolder: 'screens' })

const LAPTOP = { width: 1440, height: 900 }
const PROJECTOR_720 = { width: 1280, height: 720 }

/** Every screen's axe violations, by screen; screens that pass are left out. */
class Audit {
  readonly failures: Record<string, string[]> = {}
  async check(page: Page, screen: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, 'screens', `${screen}.png`), fullPage: true })
    const violations = [
      ...(await seriousAxeViolations(page)),
      ...(await smallTouchTargets(page)).map((target) => `smaller than 44 px: ${target}`),
    ]
    if (violations.length > 0) this.failures[screen] = violations
  }
}

/** Cards, one after the other in the page, with no space between them (by their text). */
const touchingCards = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((cards) =>
    cards.flatMap((card, index) => {
      const next = cards[index + 1]
      if (!next || card.contains(next)) return []
      const gap = next.getBoundingClientRect().top - card.getBoundingClientRect().bottom
      return gap >= 0 && gap < 8 ? [card.textContent!.slice(0, 40)] : []
    }),
  )

const tab = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).first().click()

describe('every screen of the evening, with axe-core', () => {
  it('has no serious or critical violation, from the home screen to the committee', async () => {
    const audit = new Audit()
    const coordinator = await newDevice(evening.browser, LAPTOP)
    const page = coordinator.page
    await page.goto(`${evening.relay.url}/#/`)
    await page.getByTestId('meeting-title').waitFor()
    await audit.check(page, 'home-first-time')

    const { ateliers, projection } = await createMeetingFrom(page, evening.relay.url, 'Soirée')
    await waitForSyncState(page, 'synced')
    await audit.check(page, 'coordinator-links')
    // After creating it, the coordinator is led through the evening in its order.
    const current = () => page.locator('.tabs--bar [aria-pressed="true"]').textContent()
    await page.getByTestId('evening-order').getByRole('button', { name: 'Commencer →' }).click()
    for (const name of ['Préparer', 'Fiches à imprimer', 'Prêt pour la soirée']) {
      expect(await current()).toMatch(new RegExp(`^\\d${name}$`))
      await audit.check(page, `coordinator-${name}`)
      await page.getByRole('button', { name: 'Continuer →' }).click()
    }
    expect(await current()).toBe('4Plénière')

    // An atelier transmits, so that the plenary and the actes have something to show.
    const tablet = await newDevice(evening.browser)
    await tablet.page.goto(ateliers[0]!)
    await waitForSyncState(tablet.page, 'synced')
    await showView(tablet.page, 'Notes et propositions')
    for (const text of ['Un accueil sans rendez-vous', 'Un numéro de téléphone unique']) {
      await addProposal(tablet.page, text)
      await validateProposal(tablet.page, text)
    }
    await tablet.page.getByTestId('transmit').click()
    await tablet.page.getByTestId('transmitted-at').waitFor()

    const projector = await newDevice(evening.browser, PROJECTOR_720)
    await projector.page.goto(projection)
    await waitForSyncState(projector.page, 'synced')

    await audit.check(page, 'plenary-screen')
    await audit.check(projector.page, 'projector-opening')
    for (const name of ['Propositions', 'Vote', 'Classement']) {
      await tab(page, name)
      await audit.check(page, `plenary-${name}`)
      // The cards of the tab stand apart, as on every page (they once touched).
      expect(await touchingCards(page, '.plenary .card')).toEqual([])
    }
    await retainInPlenary(page, 'Un accueil sans rendez-vous')
    await tab(page, 'Écran projeté')
    while (!(await page.getByRole('button', { name: '← Précédent' }).isDisabled()))
      await page.getByRole('button', { name: '← Précédent' }).click()
    // The projector through every screen of the evening.
    for (let step = 0; step < 8; step++) {
      const screen = await page.getByTestId('plenary-screen').getAttribute('data-screen')
      await audit.check(projector.page, `projector-${screen}`)
      const next = page.getByTestId('plenary-next')
      if (await next.isDisabled()) break
      await next.click()
      await expect
        .poll(() => page.getByTestId('plenary-screen').getAttribute('data-screen'))
        .not.toBe(screen)
    }

    await tab(page, 'Actes')
    await page.getByTestId('proceedings').waitFor()
    await audit.check(page, 'coordinator-actes')
    // After the actes, the tableau de suivi, from the meeting itself: what this plenary retained.
    await page.getByRole('button', { name: 'Continuer →' }).click()
    expect(await current()).toBe('6Suivi')
    await expect
      .poll(() => page.getByTestId('follow-up-item').allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringContaining('Un accueil sans rendez-vous')])
    await audit.check(page, 'coordinator-suivi')
    await tab(page, 'Historique')
    await page.getByRole('heading', { level: 2 }).first().waitFor()
    await audit.check(page, 'coordinator-historique')

    // The committee: meetings, tableau de suivi, évaluation, idea bank.
    await page.goto(`${evening.relay.url}/#/`)
    await audit.check(page, 'home-coordinator')
    await page.getByTestId('committee-card').click()
    await page.getByTestId('follow-up-item').first().waitFor({ timeout: 15_000 })
    await audit.check(page, 'committee')
    // Évaluation: a chart of one meeting keeps a sensible height, its table shows every column.
    const chart = (await page.getByTestId('attendance-chart').boundingBox())!
    expect(chart.height).toBeLessThan(400)
    expect(
      await page.locator('.table-scroll').evaluate((box) => box.scrollWidth <= box.clientWidth),
    ).toBe(true)
    await page.getByRole('button', { name: 'Ouvrir la banque d’idées' }).click()
    await audit.check(page, 'committee-ideas')

    expect(audit.failures).toEqual({})
    await Promise.all([coordinator, tablet, projector].map((device) => device.context.close()))
  })
})
