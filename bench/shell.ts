/**
 * The shell: what a device downloads and parses to show its first screen, and how long it takes
 * to open with no network.
 *
 * Sizes (gzip level 6 of each built file, as served compressed):
 * - **entry**: `dist/index.html`'s script, module preloads and stylesheets, and every module they
 *   import statically — what every screen loads before any route's own chunk;
 * - **per route**: every JS and CSS file Chromium actually requested to show that route (entry +
 *   the lazy chunks of its screen), recorded on the first visit.
 *
 * Offline cold start: a Chromium profile visits the app once online (the service worker installs
 * and precaches every chunk; a meeting is created from the home screen, so the atelier link has
 * a meeting in IndexedDB), then the relay is stopped and, `runs` times per route and CPU rate,
 * Chromium is relaunched on that profile, set offline, throttled, and opens the route. The time
 * is from navigation start until the route's first control is in the page and a frame has been
 * painted after it (`requestAnimationFrame` then a task): the screen can be used. Every run checks
 * that the page came from the service worker.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BrowserContext, Page } from 'playwright-core'
import { launchProfile, throttle } from './browser'
import { median } from './report'
import { startTandemRelay } from './relays'

const DIST = join(import.meta.dirname, '..', 'dist')

export interface FileSize {
  file: string
  bytes: number
  gzip: number
}

export interface RouteSizes {
  route: string
  files: FileSize[]
  gzip: number
}

export interface ShellResult {
  entry: RouteSizes
  routes: RouteSizes[]
  /** Median ms from navigation start to interactive, by route and CPU rate. */
  coldStarts: Array<{ route: string; cpu: number; ms: number; samples: number[] }>
  precached: number
}

function sizeOf(file: string): FileSize {
  const content = readFileSync(join(DIST, file))
  return { file, bytes: content.length, gzip: gzipSync(content, { level: 6 }).length }
}

const STATIC_IMPORT =
  /(?:\bimport|\bexport\s*(?:\*|\{[^}]*\}))\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+\.js)["']/g

/** The entry: index.html's scripts, preloads and styles, and their static imports. */
export function entrySizes(): RouteSizes {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const found = new Set<string>()
  const queue: string[] = []
  const add = (file: string) => {
    if (!found.has(file)) {
      found.add(file)
      queue.push(file)
    }
  }
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="\/([^"]+\.(?:js|css))"/g))
    add(match[1]!)
  while (queue.length > 0) {
    const file = queue.shift()!
    if (!file.endsWith('.js')) continue
    const code = readFileSync(join(DIST, file), 'utf8')
    const dir = file.slice(0, file.lastIndexOf('/') + 1)
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const target = match[1]!
      add(target.startsWith('./') ? dir + target.slice(2) : target.replace(/^\//, ''))
    }
  }
  const files = [...found].map(sizeOf).sort((a, b) => b.gzip - a.gzip)
  return { route: 'entry', files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) }
}

/** Resolves once `selector` is in the page and a frame has been painted after it. */
function markInteractive(selector: string) {
  const w = window as unknown as { __interactiveAt?: number }
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => (w.__interactiveAt = performance.now()), 0))
  })
  observer.observe(document, { childList: true, subtree: true })
}

async function openAndTime(page: Page, url: string, selector: string): Promise<number> {
  await page.addInitScript(markInteractive, selector)
  const response = await page.goto(url)
  if (!response?.fromServiceWorker()) throw new Error(`${url} was not served by the service worker`)
  const handle = await page.waitForFunction(
    () => (window as unknown as { __interactiveAt?: number }).__interactiveAt,
    null,
    { timeout: 30_000 },
  )
  return (await handle.jsonValue()) as number
}

async function recordRoute(
  page: Page,
  origin: string,
  url: string,
  selector: string,
  route: string,
) {
  const requested = new Set<string>()
  const onRequest = (request: { url(): string }) => {
    const u = new URL(request.url())
    if (u.origin === origin && /\.(js|css)$/.test(u.pathname) && !u.pathname.endsWith('/sw.js'))
      requested.add(u.pathname.slice(1))
  }
  page.on('request', onRequest)
  await page.goto(url)
  await page.waitForSelector(selector, { timeout: 30_000 })
  await page.waitForTimeout(500)
  page.off('request', onRequest)
  // The service worker's own script and Workbox runtime are not the page's.
  const files = [...requested]
    .filter((f) => !f.startsWith('workbox-'))
    .map(sizeOf)
    .sort((a, b) => b.gzip - a.gzip)
  return { route, files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) }
}

const ROUTES = {
  home: { selector: '[data-testid="meeting-title"]' },
  atelier: { selector: '[data-testid="atelier-name"]' },
  projection: { selector: '[data-testid="projection"]' },
} as const

export async function runShell(runs: number, rates: number[]): Promise<ShellResult> {
  const entry = entrySizes()
  const profile = await mkdtemp(join(tmpdir(), 'tandem-bench-profile-'))
  const relay = await startTandemRelay()
  const origin = `http://localhost:${relay.port}`
  const links: Record<keyof typeof ROUTES, string> = {
    home: `${origin}/#/`,
    atelier: '',
    projection: '',
  }
  const routes: RouteSizes[] = []
  let precached = 0
  let context: BrowserContext | null = null
  try {
    // Install: online, once.
    context = await launchProfile(profile)
    const page = context.pages()[0] ?? (await context.newPage())
    routes.push(await recordRoute(page, origin, links.home, ROUTES.home.selector, 'home'))
    await page.waitForFunction(async () => Boolean(await navigator.serviceWorker?.ready), null, {
      timeout: 30_000,
    })
    precached = await page.evaluate(async () => {
      const keys = await caches.keys()
      let count = 0
      for (const key of keys) count += (await (await caches.open(key)).keys()).length
      return count
    })
    await page.getByTestId('meeting-title').fill('Bench')
    await page.getByRole('button', { name: 'Créer la rencontre' }).click()
    await page.getByTestId('projection-link').waitFor({ timeout: 30_000 })
    links.atelier = ((await page.getByTestId('atelier-link').allTextContents())[0] ?? '').trim()
    links.projection = ((await page.getByTestId('projection-link').textContent()) ?? '').trim()
    for (const route of ['atelier', 'projection'] as const) {
      const fresh = await context.newPage()
      routes.push(await recordRoute(fresh, origin, links[route], ROUTES[route].selector, route))
      await fresh.close()
    }
    await context.close()
    context = null
    await relay.stop()

    // Cold starts: offline, a new browser each time.
    const coldStarts: ShellResult['coldStarts'] = []
    for (const route of ['home', 'atelier'] as const) {
      for (const cpu of rates) {
        const samples: number[] = []
        for (let run = 0; run < runs; run++) {
          context = await launchProfile(profile)
          await context.setOffline(true)
          const cold = context.pages()[0] ?? (await context.newPage())
          if (cpu !== 1) await throttle(cold, cpu)
          samples.push(await openAndTime(cold, links[route], ROUTES[route].selector))
          await context.close()
          context = null
        }
        coldStarts.push({ route, cpu, ms: median(samples), samples })
      }
    }
    return { entry, routes, coldStarts, precached }
  } finally {
    await context?.close().catch(() => {})
    await relay.stop()
    await rm(profile, { recursive: true, force: true })
  }
}
