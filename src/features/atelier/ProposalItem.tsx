import { useState } from 'react'
import type { Atelier } from '../../doc/ateliers'
import {
  deleteProposal,
  editProposal,
  moveProposal,
  PROPOSAL_MAX,
  setValidated,
  type Proposal,
} from '../../doc/proposals'
import { changedAfterTransmission } from '../../doc/rules'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

interface Props {
  session: MeetingSession
  proposal: Proposal
  atelier: Atelier
  stepTitle: string | undefined
  isFirst: boolean
  isLast: boolean
  /** Called after this proposal went to the bin, so the panel can offer to bring it back. */
  onBinned: (proposal: Proposal) => void
}

/**
 * One proposal: its text (editable), its validation mark, its place in the list. The main action
 * (validate) is a large button; editing, moving and the bin are behind one "⋯".
 */
export function ProposalItem({
  session,
  proposal,
  atelier,
  stepTitle,
  isFirst,
  isLast,
  onBinned,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null)
  // Validating is what the group does most; the rest waits behind "⋯" so a tap cannot bin.
  const [moreOpen, setMoreOpen] = useState(false)
  const doc = session.doc
  const save = () => {
    if (draft !== null && draft.trim() && draft.trim().length <= PROPOSAL_MAX) {
      if (draft.trim() !== proposal.text) editProposal(doc, proposal.id, draft)
      setDraft(null)
    }
  }
  return (
    <li
      className={`proposal${proposal.validated ? ' proposal--validated' : ''}`}
      data-testid="proposal-item"
      data-validated={proposal.validated}
    >
      {draft === null ? (
        <p className="proposal__text">{proposal.text}</p>
      ) : (
        <textarea
          className="proposal__editor"
          value={draft}
          rows={3}
          autoFocus
          onChange={(event) => setDraft(event.target.value)}
        />
      )}
      <p className="proposal__meta">
        {proposal.validated && <span className="tag tag--ok">{t.atelier.validated}</span>}
        {changedAfterTransmission(proposal, atelier) && (
          <span className="tag tag--warn">{t.atelier.changedAfterTransmission}</span>
        )}
        {stepTitle && <span className="muted">{t.atelier.fromStep(stepTitle)}</span>}
      </p>
      <div className="proposal__actions">
        {draft === null ? (
          <>
            <Button
              secondary={proposal.validated}
              onClick={() => setValidated(doc, proposal.id, !proposal.validated)}
            >
              {proposal.validated ? t.atelier.unvalidate : t.atelier.validate}
            </Button>
            <Button
              secondary
              className="button--more"
              aria-expanded={moreOpen}
              onClick={() => setMoreOpen(!moreOpen)}
              data-testid="proposal-more"
            >
              <span aria-hidden="true">⋯</span>
              <span className="visually-hidden">{t.atelier.moreActions}</span>
            </Button>
            {moreOpen && (
              <div className="proposal__more" role="group" aria-label={t.atelier.moreActions}>
                <Button
                  secondary
                  onClick={() => {
                    setMoreOpen(false)
                    setDraft(proposal.text)
                  }}
                >
                  {t.atelier.edit}
                </Button>
                <Button
                  secondary
                  disabled={isFirst}
                  onClick={() => moveProposal(doc, proposal.id, -1)}
                >
                  {t.atelier.moveUp}
                </Button>
                <Button
                  secondary
                  disabled={isLast}
                  onClick={() => moveProposal(doc, proposal.id, 1)}
                >
                  {t.atelier.moveDown}
                </Button>
                <Button
                  secondary
                  danger
                  onClick={() => {
                    deleteProposal(doc, proposal.id)
                    onBinned(proposal)
                  }}
                >
                  {t.atelier.delete}
                </Button>
              </div>
            )}
          </>
        ) : (
          <>
            <Button onClick={save}>{t.atelier.save}</Button>
            <Button secondary onClick={() => setDraft(null)}>
              {t.atelier.cancel}
            </Button>
          </>
        )}
      </div>
    </li>
  )
}
