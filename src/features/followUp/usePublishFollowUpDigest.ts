import { useEffect } from 'react'
import { digestFor, publishDigest } from '../../doc/followUpDigest'
import { readFollowUp } from '../../doc/followUp'
import type { MeetingSession } from '../../sync/meetingSession'
import { useDeviceCommittee } from '../../hooks/useCommittee'

/**
 * On the coordinator's device, keeps the meeting's copy of the tableau de suivi up to date, so
 * the projector can show it at the opening plenary (see `doc/followUpDigest.ts`).
 *
 * @example
 *   usePublishFollowUpDigest(session) // in the coordinator's screen
 */
export function usePublishFollowUpDigest(meeting: MeetingSession): void {
  const { session: committee } = useDeviceCommittee()
  useEffect(() => {
    if (!committee || meeting.readOnly) return
    const publish = () =>
      publishDigest(meeting.doc, digestFor(meeting.roomId, readFollowUp(committee.doc)))
    publish()
    committee.doc.on('update', publish)
    return () => committee.doc.off('update', publish)
  }, [committee, meeting])
}
