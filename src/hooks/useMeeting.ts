import type * as Y from 'yjs'
import { cachedMeetingReader, hasMeeting, type Meeting } from '../doc/meetingDoc'
import type { MeetingSession } from '../sync/meetingSession'
import { useDocSnapshot } from './useDocSnapshot'

const readIfPresent = (doc: Y.Doc): Meeting | null =>
  hasMeeting(doc) ? cachedMeetingReader(doc)() : null

/**
 * The meeting of a session as plain data; `null` until the document holds a meeting (loading
 * from this device, or, on a device that just joined, waiting for the relay).
 *
 * @example
 *   const meeting = useMeeting(session)
 *   if (!meeting) return <Waiting status={useSyncStatus(session)} />
 */
export function useMeeting(session: MeetingSession): Meeting | null {
  return useDocSnapshot(session.doc, readIfPresent)
}
