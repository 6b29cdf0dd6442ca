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
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

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
      <Button
        secondary
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
      </Button>
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
        <Field label={t.atelier.step(index + 1, count)}>
          <input
            value={draft.title ?? step.title}
            maxLength={120}
            onChange={(e) => edit('title', e.target.value, () => onEdit({ title: e.target.value }))}
            onBlur={done}
          />
        </Field>
        <Field label={t.prepare.duration}>
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
        </Field>
      </div>
      <Field label={t.atelier.instructions}>
        <textarea
          rows={3}
          value={step.instructions}
          maxLength={2000}
          onChange={(e) => onEdit({ instructions: e.target.value })}
        />
      </Field>
      <Field group label={t.atelier.questionsForGroup}>
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
            <Button
              secondary
              onClick={() => onEdit({ questions: questions.filter((q) => q.id !== question.id) })}
            >
              {t.home.removeAtelier}
            </Button>
          </div>
        ))}
        <Button
          secondary
          onClick={() =>
            onEdit({ questions: [...questions, { id: null, text: t.prepare.newQuestion }] })
          }
        >
          {t.prepare.addQuestion}
        </Button>
      </Field>
      <div className="inline-actions">
        <Button
          secondary
          aria-label={t.atelier.moveUp}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </Button>
        <Button
          secondary
          aria-label={t.atelier.moveDown}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </Button>
        <Button secondary danger onClick={onRemove}>
          {t.prepare.removeStep}
        </Button>
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
      <Field label={t.prepare.templateName}>
        <input
          value={name}
          maxLength={120}
          onChange={(e) => {
            setName(e.target.value)
            setSaved(false)
          }}
        />
      </Field>
      <Button type="submit" secondary disabled={!name.trim()}>
        {t.prepare.saveTemplate}
      </Button>
      {saved && <span role="status">{t.prepare.templateSaved}</span>}
    </form>
  )
}
