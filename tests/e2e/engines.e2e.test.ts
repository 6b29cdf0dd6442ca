/**
 * The evening's journey of one atelier tablet, in each engine the evening meets: Chromium,
 * WebKit (the iPads) and Firefox. The coordinator's laptop, the projector and a second atelier's
 * tablet stay in Chromium; the engine under test is the tablet that joins, goes offline, works,
 * comes back, and the coordinator's screen that imports a hand-over file.
 * Only this journey runs in the extra engines, so the suite stays within CI's time.
 */
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { frenchSpacing, t } from '../../src/text/strings'
import { startCuttableProxy, type CuttableProxy } from '../helpers/cuttableProxy'
import { waitFor } from '../helpers/waitFor'
import { openDevice, type EngineDevice, type EngineName } from './engines'
import {
  addProposal,
  createMeetingFrom,
  cutOff,
  newDevice,
  SCREENSHOTS,
  setUpEvening,
  startRelay,
  validateProposal,
  wallOfFirstAtelier,
} from './harness'

const evening = setUpEvening({ screenshotFolder: 'engines' })

const ENGINES: EngineName[] = ['chromium', 'webkit', 'firefox']
/** A first join shows the meeting within this bound, relay up (the race left it stuck forever). */
const FIRST_JOIN_BOUND_MS = 20_000
/** One journey, three engines' worth of devices on two cores: more than the default 90 s. */
const JOURNEY_TIMEOUT_MS = 150_000
/** Where the page notes the screen it saw with both words (survives reloads of the tab). */
const BOTH_SHOWN_KEY = 'e2e-both-shown'
/** Where the page notes its uncaught errors: classic WebDriver reports no console. */
const ERRORS_KEY = 'e2e-errors'

const via = (wifi: CuttableProxy, link: string) =>
  wifi.url + link.slice(new URL(link).origin.length)

/**
 * Watches the page of a device: at every change, that "Synchronisé" and "En attente de la
 * rencontre" are never on screen together (the first-join race showed both for as long as it
 * was watched), and every uncaught error or rejected promise. Call `watch()` after each page
 * load; `bothShown()` gives the page's text if it ever happened, `errors()` what was thrown.
 */
function pageWatch(device: EngineDevice) {
  return {
    watch: () =>
      device.evaluate(
        (bothKey: string, errorsKey: string, words: string[]) => {
          const check = () => {
            const text = document.body.textContent ?? ''
            if (words.every((word) => text.includes(word)))
              sessionStorage.setItem(bothKey, text.slice(0, 500))
          }
          check()
          new MutationObserver(check).observe(document.body, {
            subtree: true,
            childList: true,
            characterData: true,
          })
          const note = (message: string) =>
            sessionStorage.setItem(
              errorsKey,
              JSON.stringify([...JSON.parse(sessionStorage.getItem(errorsKey) ?? '[]'), message]),
            )
          addEventListener('error', (event) => note(String(event.message)))
          addEventListener('unhandledrejection', (event) => note(String(event.reason)))
        },
        BOTH_SHOWN_KEY,
        ERRORS_KEY,
        [t.sync.synced, t.gate.waiting],
      ),
    bothShown: () => device.evaluate((key: string) => sessionStorage.getItem(key), BOTH_SHOWN_KEY),
    errors: () =>
      device.evaluate(
        (key: string) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[],
        ERRORS_KEY,
      ),
  }
}

const syncStateOf = (device: EngineDevice) =>
  device.evaluate(
    () =>
      document.querySelector('[data-testid="sync-indicator"]')?.getAttribute('data-state') ?? null,
  )

async function waitForSyncState(device: EngineDevice, state: string, timeoutMs = 20_000) {
  await waitFor(async () => (await syncStateOf(device)) === state, `sync state ${state}`, timeoutMs)
}

const textsOf = (device: EngineDevice, css: string) =>
  device.evaluate(
    (selector: string) =>
      [...document.querySelectorAll(selector)].map((element) => element.textContent ?? ''),
    css,
  )

async function waitForText(device: EngineDevice, css: string, expected: string, what: string) {
  await waitFor(
    async () => (await textsOf(device, css)).some((text) => text.includes(expected)),
    what,
    20_000,
  )
}

describe.each(ENGINES)('the evening in %s', (engine) => {
  it(
    'joins from a link, works offline from the cache, transmits, imports a hand-over file, prepares a meeting',
    async () => {
      const coordinator = await newDevice(evening.browser)
      const { ateliers, projection } = await createMeetingFrom(
        coordinator.page,
        evening.relay.url,
        `Soirée ${engine}`,
      )
      const meetingLink = coordinator.page.url()
      const wifi = await startCuttableProxy(Number(new URL(evening.relay.url).port))
      const tablet = await openDevice(engine, evening.browser)
      const guard = pageWatch(tablet)
      const shot = (name: string) => join(SCREENSHOTS, 'engines', `${engine}-${name}.png`)
      try {
        // First join from the atelier link, on a fresh profile, relay up.
        await tablet.goto(via(wifi, ateliers[0]!))
        await guard.watch()
        await waitFor(
          async () => (await textsOf(tablet, '[data-testid="atelier-name"]')).length === 1,
          'the atelier to appear at first join',
          FIRST_JOIN_BOUND_MS,
        )
        await waitForSyncState(tablet, 'synced')
        await tablet.screenshot(shot('atelier-first-join'))
        // The service worker holds the app: it opens with no network at all.
        await waitFor(
          () => tablet.evaluate(async () => Boolean(await navigator.serviceWorker?.ready)),
          'the service worker to be active',
          30_000,
        )

        // The tablet walks out of the wifi and is reloaded: the cache opens the atelier.
        wifi.cut()
        await waitForSyncState(tablet, 'offline')
        await tablet.reload()
        await guard.watch()
        await waitForText(tablet, '[data-testid="atelier-name"]', 'Atelier 1', 'atelier offline')
        // Every connection to the origin is refused: only the service worker could serve the page.
        expect(await tablet.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

        // The step timer runs offline (it keeps the screen on where the engine has a wake lock).
        await tablet.click({ css: 'button', text: t.atelier.start })
        await waitFor(
          async () =>
            (await textsOf(tablet, '[data-testid="timer-clock"][data-phase="running"]')).length ===
            1,
          'the timer to run',
        )

        // The readiness checks all conclude in this engine, the storage one included (Firefox
        // keeps persist() pending until its prompt is answered; WebKitGTK has no storage manager).
        await tablet.click({ css: 'button', text: t.atelier.views.readiness })
        await waitFor(async () => {
          const states = await tablet.evaluate(() =>
            [...document.querySelectorAll('[data-testid="readiness"] [data-check]')].map((check) =>
              check.getAttribute('data-state'),
            ),
          )
          return states.length > 0 && !states.includes('pending')
        }, 'every readiness check to conclude')

        // Offline, the group adds, validates and transmits its proposals.
        await tablet.click({ css: 'button', text: t.atelier.views.reporter })
        const texts = [`Un accueil sans rendez-vous (${engine})`, `Un numéro unique (${engine})`]
        for (const text of texts) {
          await tablet.type({ css: '[data-testid="proposal-input"]' }, text)
          await tablet.click({ css: 'button', text: t.atelier.add })
          await waitForText(tablet, '.proposal__text', text, `proposal "${text}" listed`)
        }
        for (const text of texts)
          await tablet.click({
            css: 'button',
            text: t.atelier.validate,
            inside: { css: '[data-testid="proposal-item"]', containing: text },
          })
        await tablet.screenshot(shot('atelier-notes-offline'))
        await tablet.click({ css: '[data-testid="transmit"]' })
        await waitFor(
          async () => (await textsOf(tablet, '[data-testid="transmitted-at"]')).length === 1,
          'transmitted',
        )
        // "Partager sans réseau" works here too: the share sheet where there is one, else a download.
        await tablet.click({ css: 'button', text: t.handover.share })
        await waitFor(async () => {
          const [status = ''] = await textsOf(tablet, '[data-testid="share-status"]')
          return status.startsWith(frenchSpacing('Fichier « '))
        }, 'the hand-over file delivered')

        // Back on the wifi: the projector shows what the atelier transmitted.
        wifi.restore()
        await waitForSyncState(tablet, 'synced')
        const projector = await newDevice(evening.browser, { width: 1920, height: 1080 })
        await projector.page.goto(projection)
        await expect
          .poll(() => wallOfFirstAtelier(projector.page), { timeout: 20_000 })
          .toEqual(texts)
        await projector.context.close()

        // Another atelier, that never got back to the wifi, hands its work over in a file…
        const other = await evening.tablet(ateliers[1]!)
        await cutOff(other)
        await other.page
          .getByRole('button', { name: t.atelier.views.reporter, exact: true })
          .click()
        const lateText = `Des permanences dans les quartiers (${engine})`
        await addProposal(other.page, lateText)
        await validateProposal(other.page, lateText)
        const [download] = await Promise.all([
          other.page.waitForEvent('download'),
          other.page.getByRole('button', { name: t.handover.share }).click(),
        ])
        const file = join(SCREENSHOTS, 'engines', `${engine}-${download.suggestedFilename()}`)
        await download.saveAs(file)
        await other.context.close()

        // …which the coordinator's screen, in this engine, imports with the file picker.
        await tablet.goto(via(wifi, meetingLink))
        await guard.watch()
        await tablet.chooseFile({ css: '[data-testid="import-file-input"]' }, file)
        // The app shows what the file brings and merges it only on a yes.
        await waitForText(
          tablet,
          '[data-testid="import-preview"]',
          t.handover.fromAtelier('Atelier 2'),
          'the import preview',
        )
        await tablet.click({
          css: '[data-testid="import-preview"] button',
          text: t.handover.confirm,
        })
        await waitForText(
          tablet,
          '[data-testid="import-outcome"]',
          t.handover.fromAtelier('Atelier 2'),
          'the import outcome',
        )
        await waitForText(
          tablet,
          '[data-testid="atelier-link-item"] h3',
          'Atelier 2 · 1 proposition',
          'the imported proposal counted',
        )

        await tablet.screenshot(shot('coordinator-after-import'))

        // A coordinator on this engine prepares the next meeting: the form's date input included.
        await tablet.goto(via(wifi, `${evening.relay.url}/#/`))
        await guard.watch()
        await tablet.type({ css: '[data-testid="meeting-title"]' }, `Prochaine soirée (${engine})`)
        await tablet.click({ css: 'button', text: t.home.create })
        await waitFor(
          async () => (await textsOf(tablet, '[data-testid="projection-link"]')).length === 1,
          'the new meeting’s links',
        )

        expect(await guard.bothShown()).toBeNull()
        expect(await guard.errors()).toEqual([])
      } finally {
        await tablet.close()
        await wifi.close()
        await coordinator.context.close()
      }
    },
    JOURNEY_TIMEOUT_MS,
  )

  it('offers a new version of the app and takes it only on a tap', async () => {
    // A relay of its own, serving a copy of the build that the test then changes.
    const build = await mkdtemp(join(tmpdir(), 'tandem-build-'))
    await cp(join(process.cwd(), 'dist'), build, { recursive: true })
    const relay = await startRelay(build)
    const device = await openDevice(engine, evening.browser)
    const guard = pageWatch(device)
    try {
      await device.goto(`${relay.url}/#/`)
      await waitFor(
        () => device.evaluate(async () => Boolean(await navigator.serviceWorker?.ready)),
        'the service worker to be active',
        30_000,
      )
      await device.reload()
      await guard.watch()
      await waitFor(
        () => device.evaluate(() => navigator.serviceWorker.controller !== null),
        'the page to be served by the service worker',
      )

      // A new version is published; the next visit finds it waiting, and says so.
      await appendFile(join(build, 'sw.js'), '\n// the next version\n')
      await device.reload()
      await guard.watch()
      await waitForText(device, '[role="alert"]', t.update.available, 'the update offer')
      // Marks this page: gone once the page reloaded into the new version.
      await device.evaluate(() => {
        ;(window as { beforeUpdate?: boolean }).beforeUpdate = true
      })

      await device.click({ css: 'button', text: t.update.apply })
      // The page reloads under the poll: a poll whose page went away mid-way counts as "not yet".
      await waitFor(
        () =>
          device
            .evaluate(async (offer: string) => {
              const registration = await navigator.serviceWorker.getRegistration()
              return (
                !(window as { beforeUpdate?: boolean }).beforeUpdate &&
                navigator.serviceWorker.controller !== null &&
                registration?.waiting === null &&
                registration.installing === null &&
                !document.body.textContent?.includes(offer)
              )
            }, t.update.available)
            .catch(() => false),
        'the new version to take over, the page reloaded',
        20_000,
      )
      expect(await guard.errors()).toEqual([])
    } finally {
      await device.close()
      await relay.stop()
      await rm(build, { recursive: true, force: true })
    }
  })
})
