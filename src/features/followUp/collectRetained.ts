import type { Committee } from '../../doc/committeeDoc'
import { recordRetained, type RetainedProposal } from '../../doc/followUp'
import { hasMeeting } from '../../doc/meetingDoc'
import { readRetained } from '../../doc/votes'
import type { MeetingSession } from '../../sync/meetingSession'
import { withDocument } from '../../sync/withDocument'

/**
 * Brings the proposals retained in each meeting's plenary into the committee's tableau de
 * suivi. Reads the meetings as this device has them; idempotent. Returns how many were new.
 */
export async function collectRetained(
  committee: Committee,
  session: MeetingSession,
): Promise<number> {
  const retained: RetainedProposal[] = []
  for (const meeting of committee.meetings) {
    const items = await withDocument(meeting.writeKey, (opened) =>
      hasMeeting(opened.doc) ? readRetained(opened.doc) : [],
    )
    for (const item of items)
      retained.push({
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        meetingDate: meeting.date,
        itemId: item.itemId,
        ateliers: [...new Set(item.origins.map((origin) => origin.atelierName))],
        text: item.text,
        retainedAt: item.retainedAt,
      })
  }
  return recordRetained(session.doc, retained)
}
