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
import { t } from '../../ui/strings'

interface Props {
  session: MeetingSession
  proposal: Proposal
  atelier: Atelier
  stepTitle: string | undefined
  isFirst: boolean
  isLast: boolean
}

/** One proposal: its text (editable), its validation mark, its place in the list. */
export function ProposalItem({ session, proposal, atelier, stepTitle, isFirst, isLast }: Props) {
  const [draft, setDraft] = useState<string | null>(null)
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
            <button
              type="button"
              className={`button${proposal.validated ? ' button--secondary' : ''}`}
              onClick={() => setValidated(doc, proposal.id, !proposal.validated)}
            >
              {proposal.validated ? t.atelier.unvalidate : t.atelier.validate}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setDraft(proposal.text)}
            >
              {t.atelier.edit}
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-label={t.atelier.moveUp}
              disabled={isFirst}
              onClick={() => moveProposal(doc, proposal.id, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-label={t.atelier.moveDown}
              disabled={isLast}
              onClick={() => moveProposal(doc, proposal.id, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="button button--secondary button--danger"
              onClick={() => deleteProposal(doc, proposal.id)}
            >
              {t.atelier.delete}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={save}>
              {t.atelier.save}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setDraft(null)}
            >
              {t.atelier.cancel}
            </button>
          </>
        )}
      </div>
    </li>
  )
}
