import type { CommitteeMeeting } from '../../doc/committeeDoc'
import { readAteliers } from '../../doc/ateliers'
import { addMeetingProposals } from '../../doc/ideaCollect'
import { hasMeeting } from '../../doc/meetingDoc'
import { readProposals } from '../../doc/proposals'
import type { MeetingSession } from '../../sync/meetingSession'
import { withDocument } from '../../sync/withDocument'

/**
 * "Envoyer à la banque d'idées": reads a meeting as this device has it and adds its proposals
 * (those not in the bin) to the committee's idea bank. `null` when this device does not hold
 * the meeting yet.
 */
export async function sendMeetingProposals(
  committee: MeetingSession,
  meeting: CommitteeMeeting,
): Promise<{ added: number; already: number } | null> {
  const proposals = await withDocument(meeting.writeKey, (opened) => {
    if (!hasMeeting(opened.doc)) return null
    const ateliers = readAteliers(opened.doc)
    const order = new Map(ateliers.map((atelier, index) => [atelier.id, index]))
    const names = new Map(ateliers.map((atelier) => [atelier.id, atelier.name]))
    return readProposals(opened.doc)
      .filter((proposal) => proposal.deletedAt === null && proposal.text.trim())
      .sort(
        (a, b) =>
          (order.get(a.atelierId) ?? Infinity) - (order.get(b.atelierId) ?? Infinity) ||
          a.position - b.position,
      )
      .map((proposal) => ({
        proposalId: proposal.id,
        text: proposal.text,
        atelier: names.get(proposal.atelierId) ?? '',
      }))
  })
  if (proposals === null) return null
  return addMeetingProposals(committee.doc, meeting, proposals)
}
