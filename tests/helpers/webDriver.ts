/**
 * A W3C WebDriver (classic) client holding only the commands the engine journeys use, for
 * Debian's WebKitWebDriver. Why not a library: the maintained clients' current releases
 * (selenium-webdriver 4.49, webdriverio/webdriver 10) require Node ≥ 22, the project runs on 20,
 * and what is needed here is ten HTTP requests of the specification.
 */

/** The key under which WebDriver passes an element reference (W3C WebDriver, "web element"). */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf'

export type WebElement = { [ELEMENT_KEY]: string }

export function isWebElement(value: unknown): value is WebElement {
  return typeof value === 'object' && value !== null && ELEMENT_KEY in value
}

export class WebDriverSession {
  private constructor(
    private readonly driverUrl: string,
    readonly id: string,
  ) {}

  /** Opens a session; `capabilities` go in `alwaysMatch`. */
  static async create(driverUrl: string, capabilities: object): Promise<WebDriverSession> {
    const value = (await request(driverUrl, 'POST', '/session', {
      capabilities: { alwaysMatch: capabilities },
    })) as { sessionId: string }
    return new WebDriverSession(driverUrl, value.sessionId)
  }

  navigate(url: string): Promise<unknown> {
    return this.command('POST', '/url', { url })
  }

  refresh(): Promise<unknown> {
    return this.command('POST', '/refresh', {})
  }

  /** Runs `script` (a function body; `arguments` holds `args`) and awaits the promise it returns. */
  execute(script: string, args: unknown[] = []): Promise<unknown> {
    return this.command('POST', '/execute/sync', { script, args })
  }

  click(element: WebElement): Promise<unknown> {
    return this.command('POST', `/element/${element[ELEMENT_KEY]}/click`, {})
  }

  /** Types `text`; on a file input, `text` is the path of the file to choose. */
  sendKeys(element: WebElement, text: string): Promise<unknown> {
    return this.command('POST', `/element/${element[ELEMENT_KEY]}/value`, { text })
  }

  setWindowSize(width: number, height: number): Promise<unknown> {
    return this.command('POST', '/window/rect', { width, height })
  }

  /** The viewport as PNG bytes. */
  async screenshot(): Promise<Buffer> {
    return Buffer.from((await this.command('GET', '/screenshot', undefined)) as string, 'base64')
  }

  close(): Promise<unknown> {
    return this.command('DELETE', '', undefined)
  }

  private command(method: string, path: string, body: unknown): Promise<unknown> {
    return request(this.driverUrl, method, `/session/${this.id}${path}`, body)
  }
}

async function request(base: string, method: string, path: string, body: unknown) {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const { value } = (await response.json()) as { value: unknown }
  if (!response.ok) {
    const { error, message } = value as { error: string; message: string }
    throw new Error(`WebDriver ${method} ${path}: ${error}: ${message}`)
  }
  return value
}
