import type { CapabilityKey } from '../../links/capability'
import { formatLink, type AtelierId } from '../../links/links'

export type BinomeRole = 'facilitator' | 'reporter'
const ROLES: readonly BinomeRole[] = ['facilitator', 'reporter']

/**
 * The two links of an atelier's binôme, each opening the tablet on its role's view (the
 * animateur's trame and timer, the rapporteur's notes). One home for them: the "Liens" screen
 * and the printed sheets hand out the same links.
 */
export function roleLinks(
  origin: string,
  writeKey: CapabilityKey,
  atelierId: string,
): Array<{ role: BinomeRole; url: string }> {
  return ROLES.map((role) => ({
    role,
    url: formatLink(origin, {
      kind: 'atelier',
      key: { writeKey },
      atelierId: atelierId as AtelierId,
      role,
    }),
  }))
}
