import { useState, type FormEvent } from 'react'
import { addProposal, TEXT_LIMITS, type Meeting } from '../../doc/meetingDoc'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../ui/strings'

interface Props {
  meeting: Meeting
  session: MeetingSession
  atelierId: string
}

/** The atelier tablet: the group's proposals, and a large field to add one. */
export function AtelierScreen({ meeting, session, atelierId }: Props) {
  const atelier = meeting.ateliers.find((candidate) => candidate.id === atelierId)
  if (!atelier) return <p className="notice notice--error">{t.atelier.unknownAtelier}</p>
  const proposals = meeting.proposals.filter((proposal) => proposal.atelierId === atelierId)
  return (
    <div className="page">
      <h1 className="page__title" data-testid="atelier-name">
        {atelier.name}
      </h1>
      <ProposalForm session={session} atelierId={atelierId} />
      <section className="card">
        <h2>
          {t.atelier.proposals} <span className="muted">({proposals.length})</span>
        </h2>
        {proposals.length === 0 ? (
          <p className="help">{t.atelier.empty}</p>
        ) : (
          <ol className="proposal-list" data-testid="proposal-list">
            {proposals.map((proposal) => (
              <li key={proposal.id} className="proposal-list__item">
                {proposal.text}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}

function ProposalForm({ session, atelierId }: { session: MeetingSession; atelierId: string }) {
  const [text, setText] = useState('')
  const tooLong = text.trim().length > TEXT_LIMITS.proposal
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim() || tooLong) return
    addProposal(session.doc, { atelierId, text, authorRole: 'reporter' })
    setText('')
  }
  return (
    <form className="card proposal-form" onSubmit={submit}>
      <label className="field">
        <span className="field__label">{t.atelier.newProposal}</span>
        <textarea
          value={text}
          rows={3}
          placeholder={t.atelier.placeholder}
          onChange={(event) => setText(event.target.value)}
          data-testid="proposal-input"
        />
      </label>
      {tooLong && <p className="field__error">{t.atelier.tooLong(TEXT_LIMITS.proposal)}</p>}
      <button className="button button--large" type="submit" disabled={!text.trim() || tooLong}>
        {t.atelier.add}
      </button>
    </form>
  )
}
