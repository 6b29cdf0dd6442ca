import { useEffect, useState } from 'react'
import type { CommitteeMeeting } from '../../doc/committeeDoc'
import { hasMeeting, readMeeting } from '../../doc/meetingDoc'
import { withDocument } from '../../sync/withDocument'
import { meetingStats, type MeetingStats } from './meetingStats'

/**
 * Reads each meeting of the committee from this device's storage and sums it up. Meetings
 * this device never received are left out (and counted in `missing`).
 */
export function useCommitteeStats(meetings: CommitteeMeeting[]) {
  const [stats, setStats] = useState<{ rows: MeetingStats[]; missing: number } | null>(null)
  const ids = meetings.map((meeting) => meeting.id).join(',')
  useEffect(() => {
    let cancelled = false
    void (async () => {
      const rows: MeetingStats[] = []
      for (const meeting of meetings) {
        const row = await withDocument(meeting.writeKey, (session) =>
          hasMeeting(session.doc) ? meetingStats(meeting.id, readMeeting(session.doc)) : null,
        )
        if (row) rows.push(row)
      }
      if (!cancelled) setStats({ rows, missing: meetings.length - rows.length })
    })()
    return () => {
      cancelled = true
    }
    // Re-read when the list of meetings changes, not on every render of its array.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids])
  return stats
}
