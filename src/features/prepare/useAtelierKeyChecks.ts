import { useEffect } from 'react'
import { ensureKeyChecks } from '../../doc/ateliers'
import { ateliersOf } from '../../doc/layout'
import { atelierKeyChecks, type CapabilityKey } from '../../links/capability'
import type { MeetingSession } from '../../sync/meetingSession'

/**
 * On the coordinator's device, writes into each atelier the check of its atelier key, so the
 * relay accepts that atelier's tablets (new ateliers, meetings made before atelier keys, an
 * atelier restored from a snapshot taken before its check was written).
 *
 * @example
 *   useAtelierKeyChecks(session, writeKey) // in the coordinator's screen
 */
export function useAtelierKeyChecks(session: MeetingSession, writeKey: CapabilityKey): void {
  useEffect(() => {
    if (session.access !== 'write') return
    const keyCheckOf = atelierKeyChecks(writeKey)
    const ateliers = ateliersOf(session.doc)
    // After the transaction that changed the ateliers, not inside it.
    const ensure = () => queueMicrotask(() => ensureKeyChecks(session.doc, keyCheckOf))
    ensure()
    ateliers.observeDeep(ensure)
    return () => ateliers.unobserveDeep(ensure)
  }, [session, writeKey])
}
