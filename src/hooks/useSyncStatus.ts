import { useSyncExternalStore } from 'react'
import type { MeetingSession, SyncStatus } from '../sync/meetingSession'

/**
 * The sync status of a meeting on this device, for the indicator every screen shows.
 *
 * @example
 *   const { connection, lastSyncedAt } = useSyncStatus(session)
 */
export function useSyncStatus(session: MeetingSession): SyncStatus {
  return useSyncExternalStore(session.subscribe, session.getStatus)
}
