import { useState, type FormEvent } from 'react'
import type { Committee } from '../../doc/committeeDoc'
import { addIdeas, ADD_MAX, splitIdeas } from '../../doc/ideaCollect'
import { IDEA_MAX, LABEL_MAX, type IdeaBank, type SourceKind } from '../../doc/ideaBank'
import type { MeetingSession } from '../../sync/meetingSession'
import { isoDay } from '../../text/formatDate'
import { t } from '../../text/strings'
import { FromMeetingForm } from './FromMeetingForm'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

const TYPED_KINDS: SourceKind[] = ['paper', 'event', 'typed']

interface Props {
  committee: Committee
  session: MeetingSession
  bank: IdeaBank
}

/** Typing ideas in (or pasting a stack of paper forms, one per line), and taking a meeting's. */
export function IdeaCollect({ committee, session, bank }: Props) {
  const [text, setText] = useState('')
  const [kind, setKind] = useState<SourceKind>('paper')
  const [label, setLabel] = useState('')
  const [date, setDate] = useState(() => isoDay(Date.now()))
  const [axisId, setAxisId] = useState('')
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const lines = splitIdeas(text)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (lines.length === 0) return
    if (lines.some((line) => line.length > IDEA_MAX))
      return setMessage({ error: true, text: t.ideas.tooLong(IDEA_MAX) })
    if (lines.length > ADD_MAX) return setMessage({ error: true, text: t.ideas.tooMany(ADD_MAX) })
    addIdeas(session.doc, lines, { kind, label, date }, undefined, axisId || null)
    setText('')
    setMessage({ error: false, text: t.ideas.added(lines.length) })
  }

  return (
    <div className="idea-collect">
      <form className="idea-collect__form" onSubmit={submit} noValidate>
        <h3>{t.ideas.addTitle}</h3>
        <p className="help">{t.ideas.addHelp}</p>
        <Field label={t.ideas.ideasField}>
          <textarea
            rows={5}
            value={text}
            placeholder={t.ideas.ideasPlaceholder}
            onChange={(event) => setText(event.target.value)}
            data-testid="idea-input"
          />
        </Field>
        <Field group label={t.ideas.sourceKind}>
          <div className="chips" role="group">
            {TYPED_KINDS.map((candidate) => (
              <button
                key={candidate}
                type="button"
                className={`chip${candidate === kind ? ' chip--active' : ''}`}
                aria-pressed={candidate === kind}
                onClick={() => setKind(candidate)}
              >
                {t.ideas.kinds[candidate]}
              </button>
            ))}
          </div>
        </Field>
        <div className="form-grid">
          <Field label={t.ideas.sourceLabel}>
            <input
              value={label}
              maxLength={LABEL_MAX}
              placeholder={t.ideas.sourceLabelPlaceholder}
              onChange={(event) => setLabel(event.target.value)}
              data-testid="idea-source-label"
            />
          </Field>
          <Field label={t.ideas.sourceDate}>
            <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          </Field>
          <Field label={t.ideas.fileInto}>
            <select value={axisId} onChange={(event) => setAxisId(event.target.value)}>
              <option value="">{t.ideas.unsorted}</option>
              {bank.axes.map((axis, index) => (
                <option key={axis.id} value={axis.id}>
                  {index + 1}. {axis.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {message && (
          <p className={message.error ? 'field__error' : 'help'} role="status">
            {message.text}
          </p>
        )}
        <Button type="submit" disabled={lines.length === 0}>
          {t.ideas.add(lines.length)}
        </Button>
      </form>
      <FromMeetingForm committee={committee} session={session} />
    </div>
  )
}
