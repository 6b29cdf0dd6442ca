/**
 * What every end-to-end test needs. `setUpEvening()` registers the file's `beforeAll` and
 * `afterAll` and gives it the relay serving the built app on a free port of 127.0.0.1 with a fresh
 * data folder, Debian's headless Chromium (never a downloaded one), and devices, each on its own
 * wifi that `cutOff` and `reconnect` take down and bring back. Each browser context is one device:
 * its own IndexedDB, service worker and network switch. Below them, the steps of the app that
 * several flows take (create a meeting, add and validate a proposal, read the wall…).
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { parseConfig } from '../../sync-server/config'
import { createRelay } from '../../sync-server/relay'
import { capabilityFromKey, type CapabilityKey } from '../../src/links/capability'
import { formatLink } from '../../src/links/links'
import { protocolsFor, SYNC_PATH } from '../../src/sync/protocol'
import { startCuttableProxy, type CuttableProxy } from '../helpers/cuttableProxy'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Without the background-networking flags Chromium hangs on this machine's closed network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
export const SCREENSHOTS = join(process.cwd(), 'test-results')

export interface RunningRelay {
  url: string
  dataDir: string
  stop(): Promise<void>
  /** Stops and starts again on the same port and data folder. */
  restart(): Promise<void>
}

/**
 * The relay serving the built app; `staticDir` another build (a copy to change, say), `env` more
 * relay settings as environment variables (`SNAPSHOT_INTERVAL_SECONDS`…).
 */
export async function startRelay(
  staticDir = join(process.cwd(), 'dist'),
  env: Record<string, string> = {},
): Promise<RunningRelay> {
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('dist/ missing: run `vite build`')
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-e2e-'))
  const parsed = parseConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
    ...env,
  })
  if (!parsed.ok) throw new Error(parsed.error)
  let relay = createRelay(parsed.config)
  const { port } = await relay.listen()
  const url = `http://localhost:${port}`
  return {
    url,
    dataDir,
    async stop() {
      await relay.close()
      await rm(dataDir, { recursive: true, force: true })
    },
    async restart() {
      await relay.close()
      relay = createRelay({ ...parsed.config, port })
      await relay.listen()
    },
  }
}

/**
 * The browser's own language, French as on the committee's tablets. It is what draws the date and
 * time fields (03/12/2026, 17:30); Playwright's `locale` does not reach them. Chromium on Linux
 * reads it from LANGUAGE (`--lang` is ignored there) and needs Debian's `chromium-l10n` for it,
 * else it falls back to en-US (12/03/2026, 05:30 PM).
 */
const BROWSER_LANGUAGE = { LANGUAGE: 'fr' }

/** `args` are added to the usual ones; `env` replaces the browser's environment (e.g. HOME). */
export function launchChromium(
  options: { args?: string[]; env?: Record<string, string | undefined> } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    env: { ...(options.env ?? process.env), ...BROWSER_LANGUAGE },
  })
}

export interface Viewport {
  width: number
  height: number
}

export interface Device {
  context: BrowserContext
  page: Page
}

/**
 * A new device: a context with its own storage, in a tablet-sized window, set up as the
 * committee's French tablets are (language, and the clock of the town hall).
 */
export async function newDevice(
  browser: Browser,
  viewport: Viewport = { width: 1024, height: 768 },
): Promise<Device> {
  const context = await browser.newContext({
    viewport,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('[page error]', error.message))
  return { context, page }
}

/** A device reaching the relay through its own wifi, a proxy the test can cut. */
export interface DeviceOnWifi extends Device {
  wifi: CuttableProxy
  /** The same link (to the relay, or through another device's wifi) through this device's wifi. */
  viaWifi(link: string): string
}

export interface Evening {
  /** The relay, started in `beforeAll`. */
  readonly relay: RunningRelay
  /** Chromium, launched in `beforeAll`. */
  readonly browser: Browser
  /** A new device on its own wifi; the wifi is closed in `afterAll`. */
  deviceOnWifi(viewport?: Viewport): Promise<DeviceOnWifi>
  /** A device on its own wifi opened on `link`, synced, and ready to reopen offline. */
  tablet(link: string, viewport?: Viewport): Promise<DeviceOnWifi>
}

/**
 * The relay and Chromium for the tests of this file, closed after them; call it at the top of the
 * file. `screenshotFolder` is a folder of `SCREENSHOTS` the file saves into, made beforehand;
 * `relayEnv` are more settings of the relay.
 *
 * @example
 * const evening = setUpEvening()
 * it('…', async () => {
 *   const tablet = await evening.tablet(atelierLink)
 *   await cutOff(tablet)
 * })
 */
export function setUpEvening({
  screenshotFolder = '',
  relayEnv = {} as Record<string, string>,
} = {}): Evening {
  let relay: RunningRelay | undefined
  let browser: Browser | undefined
  const proxies: CuttableProxy[] = []

  beforeAll(async () => {
    await mkdir(join(SCREENSHOTS, screenshotFolder), { recursive: true })
    relay = await startRelay(undefined, relayEnv)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await Promise.all(proxies.map((proxy) => proxy.close()))
    await relay?.stop()
  })

  const evening: Evening = {
    get relay() {
      if (!relay) throw new Error('the relay starts in beforeAll')
      return relay
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in beforeAll')
      return browser
    },
    async deviceOnWifi(viewport) {
      const wifi = await startCuttableProxy(Number(new URL(evening.relay.url).port))
      proxies.push(wifi)
      return {
        ...(await newDevice(evening.browser, viewport)),
        wifi,
        viaWifi: (link) => wifi.url + link.slice(new URL(link).origin.length),
      }
    },
    async tablet(link, viewport) {
      const device = await evening.deviceOnWifi(viewport)
      await device.page.goto(device.viaWifi(link))
      await waitForSyncState(device.page, 'synced')
      await waitForOfflineReady(device.page)
      return device
    },
  }
  return evening
}

/**
 * The device's wifi goes down, and Chromium's network with it (its offline emulation alone leaves
 * WebSockets to localhost running); then the app says it is offline.
 */
/**
 * A meeting written straight into the relay by a Node client holding its write key: the evening a
 * test needs, without clicking through it. Resolves once the relay has it, with the projector's
 * link; destroy the provider at the end of the test.
 */
export async function publishMeeting(
  relayUrl: string,
  writeKey: CapabilityKey,
  doc: Y.Doc,
): Promise<{ provider: WebsocketProvider; projectionLink: string }> {
  const { roomId, readKey } = capabilityFromKey(writeKey, 'write')
  const provider = new WebsocketProvider(relayUrl.replace(/^http/, 'ws') + SYNC_PATH, roomId, doc, {
    WebSocketPolyfill: WebSocket as never,
    protocols: protocolsFor(writeKey),
    disableBc: true,
  })
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return { provider, projectionLink: formatLink(relayUrl, { kind: 'projection', readKey }) }
}

export async function cutOff(device: DeviceOnWifi): Promise<void> {
  device.wifi.cut()
  await device.context.setOffline(true)
  await waitForSyncState(device.page, 'offline')
}

/** The device's wifi and network come back; then the app says it is synced. */
export async function reconnect(device: DeviceOnWifi): Promise<void> {
  device.wifi.restore()
  await device.context.setOffline(false)
  await waitForSyncState(device.page, 'synced')
}

/** Waits until a service worker is active, i.e. the app is precached and opens offline. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(async () => Boolean(await navigator.serviceWorker?.ready), null, {
    timeout: 30_000,
  })
}

export async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('sync-indicator').getAttribute('data-state')
}

export async function waitForSyncState(page: Page, state: string): Promise<void> {
  await page.waitForSelector(`[data-testid="sync-indicator"][data-state="${state}"]`, {
    timeout: 20_000,
  })
}

/** Creates a meeting from the home screen; returns its atelier and projection links. */
export async function createMeetingFrom(
  page: Page,
  relayUrl: string,
  title: string,
): Promise<{ ateliers: string[]; projection: string }> {
  await page.goto(`${relayUrl}/#/`)
  await page.getByTestId('meeting-title').fill(title)
  await page.getByRole('button', { name: 'Créer la rencontre' }).click()
  await page.getByTestId('projection-link').waitFor()
  const ateliers = await page.getByTestId('atelier-link-facilitator').allTextContents()
  const projection = (await page.getByTestId('projection-link').textContent()) ?? ''
  return { ateliers, projection }
}

export async function showView(
  page: Page,
  name: 'Animation' | 'Notes et propositions' | 'Présence' | 'Prêt ?',
) {
  await page.getByRole('button', { name, exact: true }).click()
}

export async function addProposal(page: Page, text: string): Promise<void> {
  await page.getByTestId('proposal-input').fill(text)
  await page.getByRole('button', { name: 'Ajouter la proposition' }).click()
  await page.locator('.proposal__text', { hasText: text }).waitFor()
}

/** The group validates one of its proposals: the validated ones are what it transmits. */
export async function validateProposal(page: Page, text: string): Promise<void> {
  await page
    .getByTestId('proposal-item')
    .filter({ hasText: text })
    .getByRole('button', { name: 'Valider', exact: true })
    .click()
}

/** The atelier's proposals as this device lists them, with their validation mark. */
export async function proposalsOnTablet(page: Page): Promise<string[]> {
  return page
    .getByTestId('proposal-item')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.getAttribute('data-validated') === 'true' ? '✓ ' : ''}${item.querySelector('.proposal__text')?.textContent ?? ''}`,
      ),
    )
}

/** The first atelier's card on the projector's wall: what that atelier transmitted. */
export async function wallOfFirstAtelier(page: Page): Promise<string[]> {
  return page.locator('[data-testid="wall-atelier"]:nth-child(1) li').allTextContents()
}

/** In the plenary's ranking, the coordinator retains a proposal (or a group). */
export async function retainInPlenary(page: Page, text: string): Promise<void> {
  await page
    .getByTestId('plenary-rank-row')
    .filter({ hasText: text })
    .getByRole('button', { name: 'Retenir en plénière' })
    .click()
}

/** The roles Chromium's accessibility tree gives the date and time fields. */
const DATE_AND_TIME_ROLES = new Set(['Date', 'DateTime', 'InputTime'])

/**
 * The date or time field labelled `label` as the browser draws it ("03/12/2026", "17:30"): drawn
 * inside the browser, out of reach of the DOM, but read out in the accessibility tree.
 */
export async function shownValue(page: Page, label: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree')
    const byId = new Map(nodes.map((node) => [node.nodeId, node]))
    const fields = nodes.filter(
      (node) =>
        node.name?.value === label && DATE_AND_TIME_ROLES.has(String(node.role?.value ?? '')),
    )
    if (fields.length !== 1) throw new Error(`${fields.length} date or time fields "${label}"`)
    const textOf = (id: string): string => {
      const node = byId.get(id)
      if (!node) return ''
      if (node.role?.value === 'StaticText') return String(node.name?.value ?? '')
      return (node.childIds ?? []).map(textOf).join('')
    }
    return textOf(fields[0]!.nodeId)
  } finally {
    await cdp.detach()
  }
}
