import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousAxeViolations } from './axe'
import {
  addProposal,
  createMeetingFrom,
  cutOff,
  newDevice,
  reconnect,
  SCREENSHOTS,
  setUpEvening,
  showView,
  validateProposal,
  wallOfFirstAtelier,
} from './harness'

const evening = setUpEvening({ screenshotFolder: 'tablet' })
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, 'tablet', `${name}.png`), fullPage: true })

/** The atelier's cards that stick out of the column (or page) they are laid out in, by class. */
const cardsOutOfTheirColumn = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.card')).flatMap((card) => {
      const column = card.parentElement!.getBoundingClientRect()
      const box = card.getBoundingClientRect()
      return box.right > column.right + 0.5 || box.left < column.left - 0.5 ? [card.className] : []
    }),
  )

/**
 * The labels of the buttons under `selector` that do not show whole on one line: broken over two
 * lines (the text's line boxes have different tops) or running past the button's edge.
 */
const buttonsNotOnOneLine = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const range = document.createRange()
    return Array.from(document.querySelectorAll<HTMLElement>(`${selector} button`)).flatMap(
      (button) => {
        range.selectNodeContents(button)
        const tops = new Set(Array.from(range.getClientRects(), (line) => Math.round(line.top)))
        const overflows = button.scrollWidth > button.clientWidth + 1
        return tops.size > 1 || overflows ? [button.textContent ?? ''] : []
      },
    )
  }, selector)

const PORTRAIT = { width: 768, height: 1024 }
const LANDSCAPE = { width: 1024, height: 768 }
const ANDROID = { width: 800, height: 1280 }
const IPAD_LANDSCAPE = { width: 1180, height: 820 }
const IPAD_PORTRAIT = { width: 820, height: 1180 }
/** The coordinator's laptop opening an atelier. */
const LAPTOP = { width: 1280, height: 720 }

describe('the binôme’s tablet, as the binôme uses it', () => {
  it('captures, validates and transmits with clear words, and every view passes axe', async () => {
    const coordinator = await newDevice(evening.browser)
    const { ateliers } = await createMeetingFrom(coordinator.page, evening.relay.url, 'Soirée')
    await coordinator.context.close()
    const tablet = await evening.tablet(ateliers[0]!, PORTRAIT)
    const page = tablet.page

    // The sync bar: one short line; the details on a tap.
    const indicator = page.getByTestId('sync-indicator')
    expect(await indicator.locator('.sync__label').textContent()).toBe('Synchronisé')
    await indicator.getByRole('button').click()
    await expect
      .poll(() => page.getByTestId('sync-details').textContent())
      .toContain('Reçu par le relais de la salle')
    await shot(page, 'sync-details-portrait')
    expect(await seriousAxeViolations(page)).toEqual([])
    await indicator.getByRole('button').click()

    // Notes: the field grows with the text instead of scrolling inside itself.
    await showView(page, 'Notes et propositions')
    const note = page.getByTestId('note-input').first()
    const before = (await note.boundingBox())!.height
    await note.fill('Le groupe dit que '.repeat(30))
    await expect.poll(async () => (await note.boundingBox())!.height).toBeGreaterThan(before * 2)
    expect(await note.evaluate((field) => field.scrollHeight <= field.clientHeight + 1)).toBe(true)

    // Adding a proposal keeps the cursor in the field, for the next one.
    await addProposal(page, 'Un accueil sans rendez-vous le mardi')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'proposal-input',
    )
    await addProposal(page, 'Des formulaires en langage simple')

    // Transmitting nothing validated is asked first.
    await page.getByTestId('transmit').click()
    await page.getByRole('alertdialog').waitFor()
    expect(await page.getByRole('alertdialog').textContent()).toContain(
      'Aucune proposition n’est validée',
    )
    await page.getByRole('alertdialog').getByRole('button', { name: 'Annuler' }).click()
    expect(await page.getByTestId('transmitted-at').count()).toBe(0)

    // One large action per proposal; the rest behind "⋯"; the bin is reachable and undoable.
    const first = page.getByTestId('proposal-item').first()
    expect(await first.getByRole('button').allTextContents()).toEqual([
      'Valider',
      '⋯Autres actions',
    ])
    await first.getByRole('button', { name: 'Autres actions' }).click()
    await shot(page, 'proposal-more-portrait')
    await first.getByRole('button', { name: 'Mettre à la corbeille' }).click()
    await page.getByTestId('binned-notice').waitFor()
    expect(await page.getByTestId('proposal-item').count()).toBe(1)
    await page.getByTestId('binned-notice').getByRole('button', { name: 'Restaurer' }).click()
    await expect.poll(() => page.getByTestId('proposal-item').count()).toBe(2)

    for (const text of [
      'Un accueil sans rendez-vous le mardi',
      'Des formulaires en langage simple',
    ])
      await validateProposal(page, text)
    await page.getByTestId('transmit').click()
    const receipt = page.getByTestId('transmitted-at')
    await expect.poll(() => receipt.textContent()).toMatch(/Envoyé à la plénière à \d\d:\d\d ✓/)
    await expect
      .poll(() => page.getByTestId('transmission-relay').getAttribute('data-reached'))
      .toBe('true')
    await shot(page, 'notes-transmitted-portrait')
    expect(await seriousAxeViolations(page)).toEqual([])

    // Offline: the receipt says the new transmission has not reached the coordination yet.
    await cutOff(tablet)
    expect(await indicator.locator('.sync__label').textContent()).toBe(
      'Pas de réseau — tout est gardé sur cet appareil',
    )
    await page.getByTestId('transmit').click()
    await expect
      .poll(() => page.getByTestId('transmission-relay').getAttribute('data-reached'))
      .toBe('false')
    await expect
      .poll(() => indicator.locator('.sync__label').textContent())
      .toBe('Pas de réseau — tout est gardé sur cet appareil, l’envoi se fera tout seul')
    await shot(page, 'notes-offline-portrait')
    await reconnect(tablet)
    await expect
      .poll(() => page.getByTestId('transmission-relay').getAttribute('data-reached'))
      .toBe('true')

    // Switching views from far down the page shows the new view from its top, tabs in sight.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await showView(page, 'Présence')
    const tabsTop = await page
      .locator('nav.tabs')
      .evaluate((nav) => nav.getBoundingClientRect().top)
    const barBottom = await page
      .locator('.topbar')
      .evaluate((bar) => bar.getBoundingClientRect().bottom)
    expect(tabsTop).toBeGreaterThanOrEqual(barBottom)
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'presence-portrait')

    await showView(page, 'Prêt ?')
    expect(await seriousAxeViolations(page)).toEqual([])
    for (const [size, name] of [
      [PORTRAIT, 'portrait'],
      [LANDSCAPE, 'landscape'],
      [IPAD_LANDSCAPE, 'ipad-landscape'],
      [IPAD_PORTRAIT, 'ipad-portrait'],
      [ANDROID, 'android'],
      [LAPTOP, 'laptop'],
      [{ width: 1440, height: 900 }, 'laptop-1440'],
      [{ width: 1920, height: 1080 }, 'desktop-1920'],
    ] as const) {
      await page.setViewportSize(size)
      for (const view of ['Animation', 'Notes et propositions'] as const) {
        await showView(page, view)
        await shot(page, `${view === 'Animation' ? 'animation' : 'notes'}-${name}`)
      }
      // The timer keeps inside its column (its big clock pushed it 10 px out at 1024 px).
      await showView(page, 'Animation')
      expect(await cardsOutOfTheirColumn(page)).toEqual([])
      // The timer's and the steps' buttons keep their French labels whole on one line (in
      // landscape "Remettre à zéro" and "← Étape précédente" broke over two lines).
      expect(await buttonsNotOnOneLine(page, '.runner__side')).toEqual([])
      // The step buttons are in sight without scrolling (in landscape they were under the fold).
      await page.evaluate(() => window.scrollTo(0, 0))
      const nextStep = (await page.getByRole('button', { name: 'Étape suivante →' }).boundingBox())!
      expect(nextStep.y + nextStep.height).toBeLessThanOrEqual(size.height)
    }
    expect(await seriousAxeViolations(page)).toEqual([])
    await tablet.context.close()
  })

  it('reopens on its atelier after a restart; home keeps creation folded and asks before removing', async () => {
    const coordinator = await newDevice(evening.browser)
    const { ateliers } = await createMeetingFrom(
      coordinator.page,
      evening.relay.url,
      'Soirée du mardi',
    )
    await coordinator.context.close()
    const tablet = await evening.tablet(ateliers[1]!, LANDSCAPE)

    // The installed app starts at its start URL, without the link: it lands on the atelier.
    const restarted = await tablet.context.newPage()
    await tablet.page.close()
    await restarted.goto(tablet.viaWifi(`${evening.relay.url}/`))
    await expect.poll(() => restarted.getByTestId('atelier-name').textContent()).toBe('Atelier 2')

    // Home, reached through "Tandem": this tablet's atelier first, no meeting creation in sight.
    await restarted.getByRole('link', { name: /^Tandem/ }).click()
    await restarted.getByTestId('known-meeting').waitFor()
    expect(await restarted.getByRole('heading', { name: 'Nouvelle rencontre' }).isVisible()).toBe(
      false,
    )
    expect(await restarted.getByTestId('coordinate-instead').isVisible()).toBe(true)
    expect(await seriousAxeViolations(restarted)).toEqual([])

    // Removing asks first; "Non" keeps it.
    await restarted.getByRole('button', { name: 'Retirer de cet appareil' }).click()
    await shot(restarted, 'home-forget-question')
    await restarted.getByRole('button', { name: 'Non, garder' }).click()
    expect(await restarted.getByTestId('known-meeting').count()).toBe(1)
    await restarted.getByRole('button', { name: 'Retirer de cet appareil' }).click()
    await restarted.getByRole('button', { name: 'Oui, retirer' }).click()
    await expect.poll(() => restarted.getByTestId('known-meeting').count()).toBe(0)
    await tablet.context.close()
  })

  it('writes only its atelier: no write key in its link, no coordinator screen, and its transmission on the wall', async () => {
    const coordinator = await newDevice(evening.browser)
    const { ateliers, projection } = await createMeetingFrom(
      coordinator.page,
      evening.relay.url,
      'Soirée des liens',
    )
    const writeKey = new URL(coordinator.page.url()).hash.split('/')[2]!
    expect(await coordinator.page.getByTestId('older-atelier-links').textContent()).toContain(
      'ouvrent encore toute la rencontre',
    )
    await coordinator.context.close()
    const link = ateliers[0]!
    expect(link).not.toContain(writeKey)
    const [readKey, atelierKey] = link.split('/#/atelier/')[1]!.split('/')[0]!.split('.')

    const tablet = await evening.tablet(link)
    await showView(tablet.page, 'Notes et propositions')
    await addProposal(tablet.page, 'Une permanence le samedi matin')
    await validateProposal(tablet.page, 'Une permanence le samedi matin')
    await tablet.page.getByTestId('transmit').click()
    await tablet.page.getByTestId('transmitted-at').waitFor()
    const projector = await newDevice(evening.browser)
    await projector.page.goto(projection)
    await expect
      .poll(() => wallOfFirstAtelier(projector.page), { timeout: 20_000 })
      .toEqual(['Une permanence le samedi matin'])

    // The link edited into a coordinator's link opens no meeting, with either of its keys.
    for (const key of [readKey, atelierKey]) {
      await tablet.page.goto(`${evening.relay.url}/#/rencontre/${key}`)
      await tablet.page.getByRole('heading', { name: 'En attente de la rencontre' }).waitFor()
      expect(await tablet.page.getByTestId('evening-order').count()).toBe(0)
    }
    await projector.context.close()
    await tablet.context.close()
  })
})
