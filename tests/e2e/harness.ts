/**
 * What every end-to-end test needs: the relay serving the built app on a free port of
 * 127.0.0.1 with a fresh data folder, and Debian's headless Chromium (never a downloaded one).
 * Each browser context is one device: its own IndexedDB, service worker and network switch.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { parseConfig } from '../../sync-server/config'
import { createRelay } from '../../sync-server/relay'

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

export async function startRelay(): Promise<RunningRelay> {
  const staticDir = join(process.cwd(), 'dist')
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('dist/ missing: run `vite build`')
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-e2e-'))
  const parsed = parseConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** A new device: a context with its own storage, in a tablet-sized window. */
export async function newDevice(
  browser: Browser,
  viewport = { width: 1024, height: 768 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('[page error]', error.message))
  return { context, page }
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
  const ateliers = await page.getByTestId('atelier-link').allTextContents()
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
