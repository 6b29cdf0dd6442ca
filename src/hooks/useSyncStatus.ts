import { useSyncExternalStore } from 'react'
import type { MeetingSession, SyncStatus } from '../sync/meetingSession'

/** What a screen may pick from the status: compared with `Object.is`, so a plain value. */
type StatusFact = string | number | boolean | null

/**
 * The sync status of a meeting on this device. The status changes on every update received (it
 * is saved here: "enregistrement…", then "enregistré") and with the connection, so only the
 * indicator reads all of it; a screen picks the one fact it shows, and re-renders only when that
 * fact changes.
 *
 * @example
 *   const status = useSyncStatus(session) // the sync indicator
 *   const neverSynced = useSyncStatus(session, (status) => status.lastSyncedAt === null)
 */
export function useSyncStatus(session: MeetingSession): SyncStatus
export function useSyncStatus<T extends StatusFact>(
  session: MeetingSession,
  select: (status: SyncStatus) => T,
): T
export function useSyncStatus(
  session: MeetingSession,
  select?: (status: SyncStatus) => StatusFact,
): SyncStatus | StatusFact {
  return useSyncExternalStore(session.subscribe, () =>
    select ? select(session.getStatus()) : session.getStatus(),
  )
}
