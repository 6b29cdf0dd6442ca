/**
 * Which `Host` a request may name: the relay's own names and addresses only.
 *
 * Why: a page on another site can make a tablet's (or the laptop's) browser talk to the relay
 * under the site's own name — DNS rebinding: `evil.example` first resolves to the attacker's
 * server, then to `192.168.1.20`. The browser then sends `Origin: http://evil.example` and
 * `Host: evil.example`, which the origin check (`origin.ts`) takes for the relay's own page.
 * Refusing any `Host` the relay does not answer to closes that door; the port is not checked
 * (a proxy in front of the relay may change it).
 *
 * Allowed: `localhost` and loopback addresses, every address of the machine's interfaces (read
 * again when an unknown address shows up, at most once a second: the laptop changes networks),
 * its host names and `tandem.local` (`network.ts`), the address it listens on, and `HOST_NAMES`.
 */
import { isIP } from 'node:net'
import { allAddresses, machineNames } from './network'

export type HostCheck = (hostHeader: string | undefined) => boolean

export interface HostCheckOptions {
  /** `HOST`, when it is a name or an address rather than every interface. */
  listenHost: string
  /** `HOST_NAMES`. */
  extraNames: readonly string[]
  /** The machine's names and addresses (the real ones by default; tests pass their own). */
  names?: () => string[]
  addresses?: () => string[]
  now?: () => number
}

const REFRESH_MS = 1000

export function createHostCheck({
  listenHost,
  extraNames,
  names = () => machineNames().hostNames,
  addresses = allAddresses,
  now = Date.now,
}: HostCheckOptions): HostCheck {
  const fixed = new Set(['localhost', '127.0.0.1', '::1', listenHost.toLowerCase(), ...extraNames])
  const ownNames = new Set(names())
  let known = new Set(addresses())
  let readAt = now()

  return (hostHeader) => {
    const host = hostOf(hostHeader)
    if (host === null) return false
    if (fixed.has(host) || ownNames.has(host) || known.has(host)) return true
    if (isIP(host) === 0 || now() - readAt < REFRESH_MS) return false
    known = new Set(addresses())
    readAt = now()
    return known.has(host)
  }
}

/** `Host: Tandem.Local.:8443` → `tandem.local`; `[fe80::1]:8443` → `fe80::1`; null if unusable. */
export function hostOf(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null
  try {
    const { hostname } = new URL(`http://${hostHeader}`)
    // The URL parser keeps brackets around IPv6 and accepts a userinfo part; refuse the latter.
    if (hostHeader.includes('@')) return null
    return hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '')
  } catch {
    return null
  }
}
