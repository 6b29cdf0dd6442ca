import { useState, type FormEvent } from 'react'
import {
  addNamed,
  moveNamed,
  NAME_MAX,
  QUESTION_MAX,
  removeNamed,
  renameNamed,
  restoreNamed,
  setQuestion,
  type Named,
  type NamedKind,
} from '../../doc/ideaAxes'
import type { IdeaBank } from '../../doc/ideaBank'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

interface Props {
  session: MeetingSession
  bank: IdeaBank
}

/** The axes of work and the criteria of the sieve: Angers's by default, editable. */
export function AxesCriteriaEditor({ session, bank }: Props) {
  const counts = new Map<string, number>()
  for (const item of bank.items)
    if (item.axisId) counts.set(item.axisId, (counts.get(item.axisId) ?? 0) + 1)
  return (
    <div className="idea-setup">
      <NamedList
        session={session}
        kind="axes"
        title={t.ideas.axesTitle}
        help={t.ideas.axesHelp}
        live={bank.axes}
        removed={bank.removedAxes}
        detail={(axis) => t.ideas.axisCount(counts.get(axis.id) ?? 0)}
      />
      <NamedList
        session={session}
        kind="criteria"
        title={t.ideas.criteriaTitle}
        help={t.ideas.criteriaHelp}
        live={bank.criteria}
        removed={bank.removedCriteria}
      />
    </div>
  )
}

interface ListProps {
  session: MeetingSession
  kind: NamedKind
  title: string
  help: string
  live: Named[]
  removed: Named[]
  detail?: (entry: Named) => string
}

function NamedList({ session, kind, title, help, live, removed, detail }: ListProps) {
  const [name, setName] = useState('')
  const add = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return
    addNamed(session.doc, kind, name)
    setName('')
  }
  return (
    <section className="idea-setup__list" data-testid={`idea-${kind}`}>
      <h3>{title}</h3>
      <p className="help">{help}</p>
      <ol className="editor-list">
        {live.map((entry, index) => (
          <li key={entry.id} className="editor-item idea-named">
            <span className="idea-named__number">{index + 1}</span>
            <div className="idea-named__fields">
              <CommitField
                label={kind === 'criteria' ? t.ideas.name : `${t.ideas.name} (${index + 1})`}
                labelShown={kind === 'criteria'}
                value={entry.name}
                max={NAME_MAX}
                onCommit={(value) => value && renameNamed(session.doc, kind, entry.id, value)}
              />
              {kind === 'criteria' && (
                <CommitField
                  label={t.ideas.question}
                  value={entry.question}
                  max={QUESTION_MAX}
                  onCommit={(value) => setQuestion(session.doc, entry.id, value)}
                />
              )}
              {detail && <span className="muted">{detail(entry)}</span>}
            </div>
            <div className="inline-actions idea-named__actions">
              <Button
                secondary
                aria-label={t.labelled(t.ideas.moveUp, entry.name)}
                disabled={index === 0}
                onClick={() => moveNamed(session.doc, kind, entry.id, -1)}
              >
                ↑
              </Button>
              <Button
                secondary
                aria-label={t.labelled(t.ideas.moveDown, entry.name)}
                disabled={index === live.length - 1}
                onClick={() => moveNamed(session.doc, kind, entry.id, 1)}
              >
                ↓
              </Button>
              <Button secondary danger onClick={() => removeNamed(session.doc, kind, entry.id)}>
                {t.ideas.remove}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <form className="inline-form" onSubmit={add}>
        <Field label={kind === 'axes' ? t.ideas.newAxis : t.ideas.newCriterion}>
          <input
            value={name}
            maxLength={NAME_MAX}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Button type="submit" secondary disabled={!name.trim()}>
          {kind === 'axes' ? t.ideas.addAxis : t.ideas.addCriterion}
        </Button>
      </form>
      {removed.length > 0 && (
        <details className="removed">
          <summary>
            {t.ideas.removed} ({removed.length})
          </summary>
          {removed.map((entry) => (
            <div key={entry.id} className="bin__item">
              <span>{entry.name}</span>
              <Button secondary onClick={() => restoreNamed(session.doc, kind, entry.id)}>
                {t.ideas.restoreNamed}
              </Button>
            </div>
          ))}
        </details>
      )}
    </section>
  )
}

/** A text field written to the document when left or on Enter, not at every keystroke. */
function CommitField(props: {
  label: string
  /** An axis is just a name: a label above each of the eight would be noise (it stays spoken). */
  labelShown?: boolean
  value: string
  max: number
  onCommit: (value: string) => void
}) {
  const { label, labelShown = true, value, max, onCommit } = props
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft !== null && draft.trim() !== value) onCommit(draft.trim())
    setDraft(null)
  }
  return (
    <Field label={label} hideLabel={!labelShown}>
      <input
        value={draft ?? value}
        maxLength={max}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
        }}
      />
    </Field>
  )
}
