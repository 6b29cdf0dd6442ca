import type { CapabilityKey } from '../../links/capability'
import { atelierLink, formatLink, type AtelierId } from '../../links/links'

export type BinomeRole = 'facilitator' | 'reporter'
const ROLES: readonly BinomeRole[] = ['facilitator', 'reporter']

/**
 * The two links of an atelier's binôme, each opening the tablet on its role's view (the
 * animateur's trame and timer, the rapporteur's notes). One home for them: the "Liens" screen
 * and the printed sheets hand out the same links. Each carries its atelier's key, not the
 * meeting's write key: the relay lets it write that atelier only.
 */
export function roleLinks(
  origin: string,
  writeKey: CapabilityKey,
  atelierId: string,
): Array<{ role: BinomeRole; url: string }> {
  return ROLES.map((role) => ({
    role,
    url: formatLink(origin, atelierLink(writeKey, atelierId as AtelierId, role)),
  }))
}
