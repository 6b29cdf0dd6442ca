import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { transmit } from '../../src/doc/ateliers'
import { groupProposals } from '../../src/doc/grouping'
import { newId } from '../../src/doc/ids'
import { createMeeting } from '../../src/doc/meetingDoc'
import { setScreen } from '../../src/doc/plenary'
import { enterCount, setRetained, setVoteMode } from '../../src/doc/votes'
import { newWriteKey } from '../../src/links/capability'
import { validatedProposals } from '../helpers/meetingOps'
import { seriousAxeViolations } from './axe'
import { newDevice, publishMeeting, SCREENSHOTS, setUpEvening, waitForSyncState } from './harness'

const evening = setUpEvening({ screenshotFolder: 'projector' })

/** The smallest text the back of a room can read at 1280×720 (px). */
const MIN_TEXT_PX = 24

/** Text on the projection smaller than `MIN_TEXT_PX`: "text (size)". */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const root = document.querySelector('[data-testid="projection"]')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const small: string[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement!
      const text = node.textContent?.trim()
      if (!text || element.closest('[aria-hidden="true"], button')) continue
      const size = parseFloat(getComputedStyle(element).fontSize)
      if (size < min) small.push(`${text} (${size.toFixed(1)} px)`)
    }
    return small
  }, MIN_TEXT_PX)
}

/** A ranking with a group, originals from two ateliers and a vote by collège. */
async function rankedEvening() {
  const writeKey = newWriteKey()
  const doc = new Y.Doc()
  const ateliers = createMeeting(doc, {
    title: 'Comité des usagers — décembre',
    date: '2026-12-03',
    atelierNames: ['Accès aux droits', 'Mobilité'],
  })
  const propose = (atelierId: string, text: string) =>
    validatedProposals(doc, atelierId, [text])[0]!
  const a = propose(ateliers[0]!, 'Un interlocuteur unique au CCAS qui suit chaque dossier')
  const b = propose(ateliers[1]!, 'Un guichet unique pour toutes les démarches')
  const bus = propose(ateliers[1]!, 'Des bus le dimanche vers le centre social')
  propose(ateliers[0]!, 'Des formulaires en langage simple, avec des exemples')
  for (const atelierId of ateliers) transmit(doc, atelierId)
  const group = groupProposals(doc, [a, b], 'Un interlocuteur unique pour toutes les démarches')
  setVoteMode(doc, 'colleges')
  const counter = newId()
  for (const [bucket, value] of [
    ['usager', 12],
    ['agent', 5],
    ['partner', 3],
    ['elected', 2],
  ] as const)
    enterCount(doc, group, bucket, counter, value)
  enterCount(doc, bus, 'usager', counter, 15)
  setRetained(doc, group, true)
  setScreen(doc, 'ranking')
  const { provider, projectionLink } = await publishMeeting(evening.relay.url, writeKey, doc)
  return { doc, provider, link: projectionLink }
}

describe('the projector, read from the back of the room', () => {
  it('shows the ranking at 1280×720 in letters of 24 px or more, its top bar out of the way', async () => {
    const { doc, provider, link } = await rankedEvening()
    const projector = await newDevice(evening.browser, { width: 1280, height: 720 })
    const page = projector.page
    await page.goto(link)
    await waitForSyncState(page, 'synced')
    const rows = page.getByTestId('ranking-row')
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3)
    expect(await rows.nth(0).textContent()).toContain('Un interlocuteur unique pour toutes')

    expect(await smallText(page)).toEqual([])
    // The top bar is a small mark in a corner: no title, no "Lecture seule" for the room.
    const bar = (await page.locator('.topbar').boundingBox())!
    expect(bar.width * bar.height).toBeLessThan(80 * 60)
    expect(await page.getByText('Lecture seule').isVisible()).toBe(false)
    // …and it covers none of the heading's words (the count ran under it).
    const count = (await page.locator('.wallboard__count').boundingBox())!
    expect(count.x + count.width).toBeLessThanOrEqual(bar.x)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SCREENSHOTS, 'projector', 'ranking-1280x720.png') })

    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.screenshot({ path: join(SCREENSHOTS, 'projector', 'ranking-1920x1080.png') })

    // The high-contrast theme, chosen on this projector and kept after a reload.
    await page.mouse.move(200, 200)
    await page.mouse.move(300, 300)
    await page.getByTestId('projection-contrast').click()
    await page.reload()
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3)
    expect(await page.getByTestId('projection').getAttribute('class')).toContain(
      'projection--contrast',
    )
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SCREENSHOTS, 'projector', 'ranking-contrast.png') })
    setScreen(doc, 'wall')
    await page.getByTestId('wall').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SCREENSHOTS, 'projector', 'wall-contrast.png') })
    provider.destroy()
    await projector.context.close()
  })
})
