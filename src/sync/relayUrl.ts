/**
 * Where the relay is. By default the relay that served this page (one laptop serves both the app
 * and the sync), so a tablet needs no configuration; `VITE_RELAY_URL` overrides it for
 * `npm run dev`, where Vite serves the page.
 */
import { SYNC_PATH } from './protocol'

export function relayUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return relayOrigin(location).replace(/^http/, 'ws') + SYNC_PATH
}

/** The relay's HTTP(S) origin, for its HTTP endpoints (`/snapshots`). */
export function relayOrigin(
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const configured = import.meta.env.VITE_RELAY_URL as string | undefined
  if (configured) return configured.replace(/\/$/, '').replace(/^ws/, 'http')
  return `${location.protocol === 'https:' ? 'https' : 'http'}://${location.host}`
}
