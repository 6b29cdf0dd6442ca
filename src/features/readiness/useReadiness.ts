import { useEffect, useState } from 'react'
import { useOfflineReady } from '../../hooks/useOfflineReady'
import { requestPersistentStorage } from '../../device/storagePersistence'
import { useSyncStatus } from '../../hooks/useSyncStatus'
import type { MeetingSession } from '../../sync/meetingSession'
import { relayUrl } from '../../sync/relayUrl'
import type { ReadinessFacts } from './readinessChecks'

/** How long the relay has to answer before it counts as unreachable (ms). */
const RELAY_TIMEOUT_MS = 3_000

/**
 * Gathers what this device knows about its readiness for the evening.
 *
 * @example
 *   const checks = readinessChecks(useReadiness(session, meeting.script.length > 0))
 */
export function useReadiness(session: MeetingSession, hasTrame: boolean): ReadinessFacts {
  const status = useSyncStatus(session)
  const appCached = useOfflineReady()
  const [storagePersisted, setStoragePersisted] = useState<boolean | null>(null)
  const [relayReachable, setRelayReachable] = useState<boolean | null>(null)
  useEffect(() => {
    let cancelled = false
    const stopPersistence = requestPersistentStorage((state) =>
      setStoragePersisted(state === 'persisted'),
    )
    const health = new URL('/healthz', relayUrl().replace(/^ws/, 'http'))
    fetch(health, { cache: 'no-store', signal: AbortSignal.timeout(RELAY_TIMEOUT_MS) }).then(
      (response) => !cancelled && setRelayReachable(response.ok),
      () => !cancelled && setRelayReachable(false),
    )
    return () => {
      cancelled = true
      stopPersistence()
    }
  }, [])
  return {
    secureContext: window.isSecureContext,
    appCached,
    meetingStored: status.loaded && hasTrame,
    storagePersisted,
    lastSyncedAt: status.lastSyncedAt,
    relayReachable,
  }
}
