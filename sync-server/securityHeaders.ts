/**
 * Headers on every response of the relay, so its pages cannot be turned against the tablets:
 *
 * - `Content-Security-Policy`: scripts, styles, images and connections from the relay itself
 *   only — no inline script, no plug-in, no framing (`frame-ancestors 'none'`: a hostile page
 *   cannot overlay the coordinator's screen). `connect-src` names the page's own host for
 *   WebSockets (older Safari does not count `ws:` under `'self'`) and, on the plain-HTTP install
 *   page, the HTTPS address it checks. Styles allow inline `style` attributes: React sets sizes
 *   and positions (the wall, the charts) through them.
 * - `Referrer-Policy: no-referrer`: a link out of the app never carries its address.
 * - `Strict-Transport-Security` on HTTPS only, for a day: browsers ignore it for IP addresses,
 *   and on `tandem.local` a longer one would keep upgrading the plain-HTTP install page's port
 *   after the evening.
 * - `X-Content-Type-Options: nosniff`.
 */
import type { ServerResponse } from 'node:http'

const HSTS = 'max-age=86400'

export interface PageContext {
  /** Whether the request came over HTTPS. */
  secure: boolean
  /** The request's `Host` (already checked by `hostCheck.ts`), e.g. `192.168.1.20:8080`. */
  host: string
  /** The relay's HTTPS port, if it serves HTTPS. */
  httpsPort: number | null
}

export function contentSecurityPolicy({ host, httpsPort }: PageContext): string {
  const hostname = host.replace(/:\d+$/, '')
  const connect = [`'self'`, `ws://${host}`, `wss://${host}`]
  if (httpsPort !== null) connect.push(`https://${hostname}:${httpsPort}`)
  return [
    `default-src 'self'`,
    `script-src 'self'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `connect-src ${connect.join(' ')}`,
    `worker-src 'self'`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ')
}

export function setSecurityHeaders(res: ServerResponse, context: PageContext): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(context))
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  if (context.secure) res.setHeader('Strict-Transport-Security', HSTS)
}
