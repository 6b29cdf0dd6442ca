/**
 * Which web pages may open a sync connection. Browsers send the page's origin with every
 * WebSocket handshake (`Origin`), and a page cannot forge it; other programs send what they like,
 * or nothing.
 *
 * What protects a meeting is its key, not this check: a page elsewhere on the web that somehow
 * holds a key could not be stopped by an origin rule from a program that sets its own `Origin`.
 * The check is defence in depth for the browser case: a hostile page open on a tablet of the
 * local network cannot use the relay (probe it, flood it, relay its own data through it), and a
 * leaked link is useless inside someone else's page. Hence:
 *
 * - no `Origin` header: allowed — a Node client, a test, a native app; they can send any header,
 *   so refusing them would only break honest tools;
 * - the relay's own origin (the page it served: `Origin` host equals the `Host` header):
 *   allowed — that is how every tablet connects;
 * - an origin listed in `ALLOWED_ORIGINS` (e.g. the Vite dev server, or the HTTPS site that
 *   hosts the app while the relay runs elsewhere): allowed; `ALLOWED_ORIGINS=*` allows any;
 * - anything else, including the opaque origin `null` (sandboxed frames, `file:` pages): refused
 *   with 4403.
 */
export function originAllowed(
  originHeader: string | undefined,
  hostHeader: string | undefined,
  allowed: readonly string[] | '*',
): boolean {
  if (originHeader === undefined) return true
  if (allowed === '*') return true
  let origin: URL
  try {
    origin = new URL(originHeader)
  } catch {
    return false
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return false
  // Same page, whatever the scheme: TLS may end at a proxy in front of the relay.
  if (hostHeader !== undefined && sameHost(origin, hostHeader)) return true
  return allowed.includes(origin.origin)
}

/** `Host: tandem.local:443` and `Origin: https://tandem.local` name the same host. */
function sameHost(origin: URL, hostHeader: string): boolean {
  try {
    return new URL(`${origin.protocol}//${hostHeader}`).host === origin.host
  } catch {
    return false
  }
}
