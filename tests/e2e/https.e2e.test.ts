/**
 * The evening on the relay's own HTTPS, as `npm start` serves it (the real `sync-server/main.ts`
 * in a child process, on a fresh data folder): a fresh Chromium profile trusts the relay's
 * authority the way a tablet does once it installed it — an NSS database in the browser's
 * `$HOME/.pki/nssdb`, filled by Debian's `certutil` (libnss3-tools) — and reaches
 * `tandem.local` at 127.0.0.1 (`--host-resolver-rules`, standing in for mDNS). An atelier link
 * opens over HTTPS, its service worker installs, it reloads offline, and it resyncs.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnRelay, type ChildRelay } from '../helpers/childRelay'
import { startCuttableProxy, type CuttableProxy } from '../helpers/cuttableProxy'
import { Teardown } from '../helpers/relay'
import {
  addProposal,
  createMeetingFrom,
  launchChromium,
  newDevice,
  proposalsOnTablet,
  showView,
  waitForOfflineReady,
  waitForSyncState,
} from './harness'

const teardown = new Teardown()
let root: string
let relay: ChildRelay
let trusting: Browser
let wifi: CuttableProxy

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tandem-https-e2e-'))
  teardown.add(() => rm(root, { recursive: true, force: true }))
  relay = await spawnRelay(teardown, {
    dataDir: join(root, 'data'),
    env: {
      HTTPS: 'on',
      HTTPS_PORT: '0',
      // Listening on 127.0.0.1, the relay lists this name for the tablets.
      HOST_NAMES: 'tandem.local',
      STATIC_DIR: join(process.cwd(), 'dist'),
    },
  })
  if (!existsSync(join(process.cwd(), 'dist', 'index.html'))) throw new Error('run `vite build`')
  // The tablet's wifi: a TCP relay to the HTTPS port that the test can cut (TLS passes through).
  wifi = await startCuttableProxy(relay.httpsPort!)
  teardown.add(() => wifi.close())

  const home = join(root, 'home')
  const nssdb = join(home, '.pki', 'nssdb')
  await mkdir(nssdb, { recursive: true })
  execFileSync('certutil', ['-d', `sql:${nssdb}`, '-N', '--empty-password'])
  execFileSync('certutil', [
    '-d',
    `sql:${nssdb}`,
    '-A',
    '-t',
    'C,,',
    '-n',
    'Tandem',
    '-i',
    join(root, 'data', 'tls', 'ca.crt'),
  ])
  trusting = await launchChromium({
    args: ['--host-resolver-rules=MAP tandem.local 127.0.0.1'],
    env: { ...process.env, HOME: home },
  })
  teardown.add(() => trusting.close())
}, 60_000)

afterAll(() => teardown.run())

const secureOrigin = () => `https://tandem.local:${relay.httpsPort}`
const tabletOrigin = () => `https://tandem.local:${new URL(wifi.url).port}`

/** Every Content-Security-Policy complaint the page logs. */
function cspViolations(page: Page): string[] {
  const found: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text())
  })
  return found
}

describe('HTTPS on the town-hall network, with the relay’s own certificates', () => {
  it('opens an atelier over HTTPS, installs offline, reloads offline and resyncs', async () => {
    // The coordinator opened Tandem at the address `npm start` printed first: localhost.
    const coordinator = await newDevice(trusting)
    const coordinatorCsp = cspViolations(coordinator.page)
    const { ateliers } = await createMeetingFrom(coordinator.page, relay.httpUrl, 'Soirée HTTPS')
    const notice = coordinator.page.getByTestId('link-origin-notice')
    await expect.poll(() => notice.getAttribute('data-situation')).toBe('localhost')
    expect(await notice.textContent()).toContain(secureOrigin())
    // The links carry the address tablets can use, not localhost.
    const atelierLinks = await coordinator.page
      .getByTestId('atelier-link-facilitator')
      .allTextContents()
    expect(atelierLinks[0]).toMatch(new RegExp(`^${secureOrigin()}/#/atelier/`))
    expect(ateliers.length).toBeGreaterThan(0)

    // The tablet, on its own wifi, opens its atelier link over HTTPS.
    const tablet = await newDevice(trusting)
    const tabletCsp = cspViolations(tablet.page)
    const link = atelierLinks[0]!.replace(secureOrigin(), tabletOrigin())
    await tablet.page.goto(link)
    await waitForSyncState(tablet.page, 'synced')
    await waitForOfflineReady(tablet.page)
    expect(await tablet.page.evaluate(() => window.isSecureContext)).toBe(true)
    expect(await tablet.page.getByTestId('insecure-page').count()).toBe(0)

    // The wifi goes: the tablet reloads from its service worker and keeps working.
    wifi.cut()
    await tablet.context.setOffline(true)
    const reload = await tablet.page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await waitForSyncState(tablet.page, 'offline')
    await showView(tablet.page, 'Notes et propositions')
    await addProposal(tablet.page, 'Une navette le samedi')

    // The wifi comes back: the proposal reaches the coordinator.
    wifi.restore()
    await tablet.context.setOffline(false)
    await waitForSyncState(tablet.page, 'synced')
    await coordinator.page.goto(link.replace(tabletOrigin(), relay.httpUrl))
    await showView(coordinator.page, 'Notes et propositions')
    await expect.poll(() => proposalsOnTablet(coordinator.page)).toEqual(['Une navette le samedi'])

    expect([...coordinatorCsp, ...tabletCsp]).toEqual([])
    await coordinator.context.close()
    await tablet.context.close()
  })

  it('says on the install page whether the tablet trusts the relay', async () => {
    // Scanned from the QR code: the relay's network address over plain HTTP.
    const installPage = `http://tandem.local:${relay.port}/#/installer`
    const tablet = await newDevice(trusting)
    await tablet.page.goto(installPage)
    const check = tablet.page.getByTestId('trust-check')
    await expect.poll(() => check.getAttribute('data-state')).toBe('trusted')
    expect(await check.textContent()).toBe('Cette tablette fait confiance au relais ✓')
    await tablet.context.close()

    // A browser that never installed the authority is told so.
    const untrusting = await launchChromium({
      args: ['--host-resolver-rules=MAP tandem.local 127.0.0.1'],
    })
    try {
      const fresh = await newDevice(untrusting)
      await fresh.page.goto(installPage)
      const freshCheck = fresh.page.getByTestId('trust-check')
      await expect.poll(() => freshCheck.getAttribute('data-state')).toBe('untrusted')
    } finally {
      await untrusting.close()
    }
  })

  it('warns on every screen of a device on plain HTTP, and Prêt ? says to move to https', async () => {
    const tablet = await newDevice(trusting)
    const coordinator = await newDevice(trusting)
    const { ateliers } = await createMeetingFrom(coordinator.page, relay.httpUrl, 'Soirée en http')
    await coordinator.context.close()
    // Plain HTTP on a network name: what a tablet gets from an old link or a typed address.
    const plain = ateliers[0]!.replace(/^https?:\/\/[^/]+/, `http://tandem.local:${relay.port}`)
    await tablet.page.goto(plain)
    const banner = tablet.page.getByTestId('insecure-page')
    await banner.waitFor()
    const secureLink = banner.getByRole('link', { name: 'Ouvrir la même page en https' })
    expect(await secureLink.getAttribute('href')).toBe(
      plain.replace(`http://tandem.local:${relay.port}`, secureOrigin()),
    )
    await showView(tablet.page, 'Prêt ?')
    const secureCheck = tablet.page.locator('[data-check="secure"]')
    expect(await secureCheck.getAttribute('data-state')).toBe('missing')
    expect(await secureCheck.textContent()).toContain('attendre n’y change rien')
    await tablet.context.close()
  })
})
