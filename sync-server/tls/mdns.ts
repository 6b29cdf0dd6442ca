/**
 * Announces `tandem.local` on the local network by multicast DNS, so tablets that resolve
 * `.local` names (iPads; Android 12 and later) reach the relay by a name that stays the same
 * when the laptop's address changes. It answers `A` questions for that one name with the
 * laptop's current addresses, read at each question. The laptop's own `<hostname>.local` is
 * left to its system (Bonjour on macOS, Windows 10+, Avahi on Linux).
 *
 * Best effort: if the mDNS port cannot be opened, the relay logs it and tablets use the address.
 */
import makeMdns from 'multicast-dns'
import { errorCode, type Logger } from '../log'

// Two minutes, the usual for host records: a changed address spreads within one.
const TTL_SECONDS = 120

export interface Announcement {
  stop(): void
}

export function announceName(
  name: string,
  addresses: () => string[],
  logger: Logger,
): Announcement {
  const mdns = makeMdns()
  mdns.on('error', (error: Error) => {
    logger.warn('mdns.unavailable', { name, error: errorCode(error) })
  })
  mdns.on('query', (query) => {
    const asked = query.questions.some(
      (question) => question.name.toLowerCase() === name && question.type === 'A',
    )
    if (!asked) return
    const answers = addresses().map((data) => ({
      name,
      type: 'A' as const,
      ttl: TTL_SECONDS,
      data,
    }))
    if (answers.length > 0) mdns.respond({ answers })
  })
  return { stop: () => mdns.destroy() }
}
