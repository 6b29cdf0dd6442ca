/**
 * One device in any of the three engines the evening meets, behind one small interface, so a
 * journey is written once and run in each:
 * - Chromium through playwright-core (the harness's browser), as every other end-to-end test;
 * - Firefox ESR through puppeteer-core over WebDriver BiDi (the only maintained client that drives
 *   Debian's Firefox without geckodriver, which Debian does not ship);
 * - WebKit (the engine of the iPads) through Debian's WebKitWebDriver and MiniBrowser under a
 *   virtual display, with the small classic-WebDriver client of `tests/helpers/webDriver.ts`.
 * Each device is a fresh profile: a new browser context, a new Firefox, a new WebKit session.
 */
import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import type {
  Browser as PlaywrightBrowser,
  ElementHandle as PlaywrightElement,
} from 'playwright-core'
import puppeteer, { type ElementHandle as PuppeteerElement } from 'puppeteer-core'
import { isWebElement, WebDriverSession } from '../helpers/webDriver'
import { waitFor } from '../helpers/waitFor'
import { startXvfb } from '../helpers/xvfb'
import { newDevice } from './harness'

export type EngineName = 'chromium' | 'webkit' | 'firefox'

/** The first element matching `css` whose text (or label) is `text`, inside the first `inside`. */
export interface Target {
  css: string
  text?: string
  /** Narrows the search to the first element matching `css` whose text contains `containing`. */
  inside?: { css: string; containing: string }
}

export interface EngineDevice {
  readonly engine: EngineName
  goto(url: string): Promise<void>
  reload(): Promise<void>
  /** Runs `fn` in the page (it must not use anything from the test's scope) with JSON `args`. */
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>
  click(target: Target): Promise<void>
  type(target: Target, text: string): Promise<void>
  /** Chooses `path` in a file input, as the file picker would. */
  chooseFile(target: Target, path: string): Promise<void>
  /** Saves what the screen shows as a PNG at `path`. */
  screenshot(path: string): Promise<void>
  close(): Promise<void>
}

const VIEWPORT = { width: 1024, height: 768 }
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'
const MINIBROWSER =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
/** How long an element may take to appear before a step fails. */
const ELEMENT_TIMEOUT_MS = 20_000

/** Runs in the page: the element a `Target` names, or null. */
function findTarget(
  css: string,
  text: string | null,
  insideCss: string | null,
  containing: string | null,
) {
  const labelOf = (element: Element) =>
    element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''
  let scope: ParentNode = document
  if (insideCss !== null) {
    const container = [...document.querySelectorAll(insideCss)].find((element) =>
      element.textContent?.includes(containing ?? ''),
    )
    if (!container) return null
    scope = container
  }
  return (
    [...scope.querySelectorAll(css)].find(
      (element) => text === null || labelOf(element) === text,
    ) ?? null
  )
}

const targetArgs = (target: Target) =>
  [
    target.css,
    target.text ?? null,
    target.inside?.css ?? null,
    target.inside?.containing ?? null,
  ] as const

/** `findTarget` as an expression for clients that evaluate strings (it is not in the page's scope). */
const findScript = (target: Target) =>
  `(${findTarget.toString()})(...${JSON.stringify(targetArgs(target))})`

/** `fn(...args)` as an expression, for the same reason. */
const callScript = (fn: (...args: never[]) => unknown, args: readonly unknown[]) =>
  `(${fn.toString()})(...${JSON.stringify(args)})`

const describeTarget = (target: Target) =>
  `${target.css}${target.text ? ` "${target.text}"` : ''}${target.inside ? ` in ${target.inside.css} "${target.inside.containing}"` : ''}`

/** Polls `find` until it gives an element. */
async function located<E>(target: Target, find: () => Promise<E | null>): Promise<E> {
  let element: E | null = null
  await waitFor(
    async () => (element = await find()) !== null,
    describeTarget(target),
    ELEMENT_TIMEOUT_MS,
  )
  return element!
}

export function openDevice(engine: EngineName, chromium: PlaywrightBrowser): Promise<EngineDevice> {
  if (engine === 'chromium') return openChromium(chromium)
  if (engine === 'firefox') return openFirefox()
  return openWebKit()
}

async function openChromium(browser: PlaywrightBrowser): Promise<EngineDevice> {
  const { context, page } = await newDevice(browser, VIEWPORT)
  const find = async (target: Target) =>
    (await page.evaluateHandle(findScript(target))).asElement() as PlaywrightElement<Element> | null
  return {
    engine: 'chromium',
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: (fn, ...args) => page.evaluate(callScript(fn, args)),
    click: async (target) => (await located(target, () => find(target))).click(),
    type: async (target, text) => (await located(target, () => find(target))).fill(text),
    chooseFile: async (target, path) =>
      (await located(target, () => find(target))).setInputFiles(path),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => context.close(),
  }
}

async function openFirefox(): Promise<EngineDevice> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR', 'intl.locale.requested': 'fr-FR' },
  })
  const page = (await browser.pages())[0] ?? (await browser.newPage())
  // `defaultViewport` reaches only pages opened after the launch, not Firefox's first tab.
  await page.setViewport(VIEWPORT)
  page.on('pageerror', (error) => console.error('[firefox page error]', error))
  const find = async (target: Target) =>
    (await page.evaluateHandle(findScript(target))).asElement() as PuppeteerElement<Element> | null
  return {
    engine: 'firefox',
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: async (fn, ...args) => (await page.evaluate(callScript(fn, args))) as never,
    click: async (target) => (await located(target, () => find(target))).click(),
    type: async (target, text) => (await located(target, () => find(target))).type(text),
    chooseFile: async (target, path) =>
      (
        (await located(target, () => find(target))) as PuppeteerElement<HTMLInputElement>
      ).uploadFile(path),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: () => browser.close(),
  }
}

async function openWebKit(): Promise<EngineDevice> {
  const display = await startXvfb()
  const port = await freePort()
  // One session per driver process: each WebKit device gets its own driver, in its own process
  // group so that MiniBrowser, its child, goes with it.
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display.display },
    stdio: 'ignore',
    detached: true,
  })
  const killGroup = () => {
    if (driver.pid !== undefined && driver.exitCode === null) process.kill(-driver.pid)
  }
  // Never outlive the test run, even when a test times out before its teardown.
  process.once('exit', killGroup)
  driver.once('exit', () => process.off('exit', killGroup))
  const driverUrl = `http://127.0.0.1:${port}`
  const stopAll = async () => {
    if (driver.exitCode === null) {
      const exited = new Promise((resolve) => driver.once('exit', resolve))
      killGroup()
      await exited
    }
    await display.stop()
  }
  let session: WebDriverSession
  try {
    await waitFor(
      () =>
        fetch(`${driverUrl}/status`).then(
          (r) => r.ok,
          () => false,
        ),
      'WebKitWebDriver to listen',
      10_000,
    )
    session = await WebDriverSession.create(driverUrl, {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    })
    // The window, not the viewport: MiniBrowser's toolbar takes a little of its height.
    await session.setWindowSize(VIEWPORT.width, VIEWPORT.height)
  } catch (error) {
    await stopAll()
    throw error
  }
  const execute = (fn: string, args: readonly unknown[]) =>
    session.execute(`return (${fn}).apply(null, arguments)`, [...args])
  const find = async (target: Target) => {
    const element = await execute(findTarget.toString(), targetArgs(target))
    return isWebElement(element) ? element : null
  }
  return {
    engine: 'webkit',
    goto: async (url) => void (await session.navigate(url)),
    reload: async () => void (await session.refresh()),
    evaluate: async (fn, ...args) => (await execute(fn.toString(), args)) as never,
    click: async (target) => void (await session.click(await located(target, () => find(target)))),
    type: async (target, text) =>
      void (await session.sendKeys(await located(target, () => find(target)), text)),
    chooseFile: async (target, path) =>
      void (await session.sendKeys(await located(target, () => find(target)), path)),
    screenshot: async (path) => writeFile(path, await session.screenshot()),
    close: async () => {
      await session.close().catch(() => undefined)
      await stopAll()
    },
  }
}

/** A port free right now on 127.0.0.1 (WebKitWebDriver cannot be told to pick one itself). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}
