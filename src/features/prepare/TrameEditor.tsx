import { useState } from 'react'
import { saveTemplate } from '../../doc/committeeDoc'
import { atelierSlotMinutes } from '../../doc/details'
import type { Meeting } from '../../doc/meetingDoc'
import {
  addStep,
  moveStep,
  removeStep,
  scriptDurationMinutes,
  toDrafts,
  updateStep,
  type Step,
  type StepEdit,
} from '../../doc/script'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { useDeviceCommittee } from '../../hooks/useCommittee'

/** The trame: steps with their consigne, questions and duration, against the atelier slot. */
export function TrameEditor({ meeting, session }: { meeting: Meeting; session: MeetingSession }) {
  const total = scriptDurationMinutes(meeting.script)
  const slot = atelierSlotMinutes(meeting.schedule)
  const doc = session.doc
  return (
    <section className="card">
      <h2>{t.prepare.trame}</h2>
      <p className={total === slot ? 'help' : 'field__error'} data-testid="trame-total">
        {t.prepare.trameTotal(total, slot)}
      </p>
      <ol className="editor-list">
        {meeting.script.map((step, index) => (
          <StepEditor
            key={step.id}
            step={step}
            index={index}
            count={meeting.script.length}
            onEdit={(edit) => updateStep(doc, step.id, edit)}
            onMove={(direction) => moveStep(doc, step.id, direction)}
            onRemove={() => removeStep(doc, step.id)}
          />
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          addStep(doc, {
            title: t.prepare.newStep,
            instructions: '',
            questions: [],
            durationMinutes: 10,
          })
        }
      >
        {t.prepare.addStep}
      </button>
      <SaveAsTemplate meeting={meeting} />
    </section>
  )
}

interface StepEditorProps {
  step: Step
  index: number
  count: number
  onEdit: (edit: StepEdit) => void
  onMove: (direction: -1 | 1) => void
  onRemove: () => void
}

function StepEditor({ step, index, count, onEdit, onMove, onRemove }: StepEditorProps) {
  const [draft, setDraft] = useState<Record<string, string>>({})
  // Keeps an invalid value (empty title, empty question) on screen while it is being typed.
  const edit = (field: string, value: string, apply: () => void) => {
    setDraft((old) => ({ ...old, [field]: value }))
    try {
      apply()
    } catch {
      // Not saved until valid.
    }
  }
  const done = () => setDraft({})
  const questions = step.questions.map((question) => ({ id: question.id, text: question.text }))
  return (
    <li className="editor-item" data-testid="step-editor">
      <div className="form-grid form-grid--step">
        <label className="field">
          <span className="field__label">{t.atelier.step(index + 1, count)}</span>
          <input
            value={draft.title ?? step.title}
            maxLength={120}
            onChange={(e) => edit('title', e.target.value, () => onEdit({ title: e.target.value }))}
            onBlur={done}
          />
        </label>
        <label className="field">
          <span className="field__label">{t.prepare.duration}</span>
          <input
            type="number"
            min={1}
            max={600}
            inputMode="numeric"
            value={draft.duration ?? String(step.durationMinutes)}
            onChange={(e) =>
              edit('duration', e.target.value, () =>
                onEdit({ durationMinutes: Number(e.target.value) }),
              )
            }
            onBlur={done}
          />
        </label>
      </div>
      <label className="field">
        <span className="field__label">{t.atelier.instructions}</span>
        <textarea
          rows={3}
          value={step.instructions}
          maxLength={2000}
          onChange={(e) => onEdit({ instructions: e.target.value })}
        />
      </label>
      <fieldset className="field">
        <legend className="field__label">{t.atelier.questionsForGroup}</legend>
        {questions.map((question, i) => (
          <div key={question.id} className="inline-form">
            <input
              aria-label={t.prepare.question(i + 1)}
              value={draft[question.id] ?? question.text}
              maxLength={500}
              onChange={(e) =>
                edit(question.id, e.target.value, () =>
                  onEdit({
                    questions: questions.map((q) =>
                      q.id === question.id ? { ...q, text: e.target.value } : q,
                    ),
                  }),
                )
              }
              onBlur={done}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onEdit({ questions: questions.filter((q) => q.id !== question.id) })}
            >
              {t.home.removeAtelier}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            onEdit({ questions: [...questions, { id: null, text: t.prepare.newQuestion }] })
          }
        >
          {t.prepare.addQuestion}
        </button>
      </fieldset>
      <div className="inline-actions">
        <button
          type="button"
          className="button button--secondary"
          aria-label={t.atelier.moveUp}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-label={t.atelier.moveDown}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button--secondary button--danger"
          onClick={onRemove}
        >
          {t.prepare.removeStep}
        </button>
      </div>
    </li>
  )
}

/** Keeps this trame in the committee's templates, to start later meetings from it. */
function SaveAsTemplate({ meeting }: { meeting: Meeting }) {
  const { session } = useDeviceCommittee()
  const [name, setName] = useState('')
  const [saved, setSaved] = useState(false)
  if (!session) return null
  return (
    <form
      className="inline-form template-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (!name.trim() || meeting.script.length === 0) return
        saveTemplate(session.doc, name, toDrafts(meeting.script))
        setName('')
        setSaved(true)
      }}
    >
      <label className="field">
        <span className="field__label">{t.prepare.templateName}</span>
        <input
          value={name}
          maxLength={120}
          onChange={(e) => {
            setName(e.target.value)
            setSaved(false)
          }}
        />
      </label>
      <button type="submit" className="button button--secondary" disabled={!name.trim()}>
        {t.prepare.saveTemplate}
      </button>
      {saved && <span role="status">{t.prepare.templateSaved}</span>}
    </form>
  )
}
