import { restoreProposal, type Proposal } from '../../doc/proposals'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

/** Deleted proposals, kept until restored: a delete is never a silent loss. */
export function ProposalBin({
  session,
  proposals,
}: {
  session: MeetingSession
  proposals: Proposal[]
}) {
  return (
    <details className="bin" data-testid="proposal-bin">
      <summary>{t.atelier.bin(proposals.length)}</summary>
      <ul>
        {proposals.map((proposal) => (
          <li key={proposal.id} className="bin__item">
            <span>{proposal.text}</span>
            <Button secondary onClick={() => restoreProposal(session.doc, proposal.id)}>
              {t.atelier.restore}
            </Button>
          </li>
        ))}
      </ul>
    </details>
  )
}
