/**
 * Where tablets can reach the relay, as the relay says (`GET /addresses`,
 * `sync-server/addresses.ts`), and whether this page's own address would do.
 *
 * Tablets need an HTTPS address of the laptop: `localhost` is this laptop only, and a plain
 * `http://` page never opens offline (browsers give the offline machinery to secure pages
 * only). The coordinator's screen builds links from an address that works, whatever address
 * the coordinator opened it at.
 */
import { z } from 'zod'
import { relayUrl } from './relayUrl'
import { SYNC_PATH } from './protocol'

const httpUrl = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[^/#?\s]+$/)

/** Untrusted like any answer from the network: only plain origins are taken. */
export const relayAddressesSchema = z.object({
  secure: z.array(httpUrl).max(32),
  plain: z.array(httpUrl).max(32),
  install: z.string().max(400).nullable(),
})
export type RelayAddresses = z.infer<typeof relayAddressesSchema>

/** `usable`: tablets can open this page's address; otherwise why not. */
export type PageSituation = 'usable' | 'localhost' | 'insecure'

export function pageSituation(location: Pick<Location, 'protocol' | 'hostname'>): PageSituation {
  const host = location.hostname.replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host === '::1' || host.startsWith('127.')) return 'localhost'
  return location.protocol === 'https:' ? 'usable' : 'insecure'
}

/** The relay's HTTP(S) address of `path`, beside its sync endpoint. */
export function relayHttpUrl(path: string): string {
  const sync = relayUrl().replace(/^ws/, 'http')
  return sync.slice(0, sync.length - SYNC_PATH.length) + path
}

let pending: Promise<RelayAddresses | null> | null = null

/** Asked once per page: the addresses do not change while a page is open. Null if unknown. */
export function fetchRelayAddresses(): Promise<RelayAddresses | null> {
  pending ??= fetch(relayHttpUrl('/addresses'), { cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : null))
    .then((body) => relayAddressesSchema.safeParse(body).data ?? null)
    .catch(() => null)
  return pending
}

/** The HTTPS address with this page's host name (the one the tablet already reaches), else the first. */
export function secureAddressFor(
  addresses: RelayAddresses | null,
  hostname: string,
): string | null {
  if (!addresses) return null
  const sameHost = addresses.secure.find((url) => new URL(url).hostname === hostname)
  return sameHost ?? addresses.secure[0] ?? null
}
