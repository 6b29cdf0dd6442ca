import { useState } from 'react'
import {
  addAtelier,
  moveAtelier,
  removeAtelier,
  restoreAtelier,
  updateAtelier,
  type Atelier,
  type AtelierDetails,
} from '../../doc/ateliers'
import type { Meeting } from '../../doc/meetingDoc'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

/** The ateliers of the evening: name, room, first names of the binôme; order; removal. */
export function AteliersEditor({
  meeting,
  session,
}: {
  meeting: Meeting
  session: MeetingSession
}) {
  const [confirming, setConfirming] = useState<string | null>(null)
  const doc = session.doc
  const contentOf = (atelier: Atelier) =>
    meeting.proposals.filter((p) => p.atelierId === atelier.id && p.deletedAt === null).length +
    Object.entries(meeting.notes).filter(([key, text]) => key.startsWith(`${atelier.id}|`) && text)
      .length
  const update = (id: string, patch: Partial<AtelierDetails>) => {
    try {
      updateAtelier(doc, id, patch)
    } catch {
      // An empty name while typing is not saved; the field shows what was typed last.
    }
  }
  const remove = (atelier: Atelier) => {
    if (contentOf(atelier) > 0 && confirming !== atelier.id) return setConfirming(atelier.id)
    removeAtelier(doc, atelier.id)
    setConfirming(null)
  }
  return (
    <section className="card">
      <h2>{t.home.ateliers}</h2>
      <ol className="editor-list">
        {meeting.ateliers.map((atelier, index) => (
          <li key={atelier.id} className="editor-item" data-testid="atelier-editor">
            <div className="form-grid">
              <DraftField
                label={t.prepare.atelierName}
                value={atelier.name}
                onChange={(name) => update(atelier.id, { name })}
              />
              <DraftField
                label={t.prepare.room}
                value={atelier.room}
                onChange={(room) => update(atelier.id, { room })}
              />
              <DraftField
                label={t.prepare.facilitatorName}
                value={atelier.facilitatorName}
                onChange={(facilitatorName) => update(atelier.id, { facilitatorName })}
              />
              <DraftField
                label={t.prepare.reporterName}
                value={atelier.reporterName}
                onChange={(reporterName) => update(atelier.id, { reporterName })}
              />
            </div>
            <div className="inline-actions">
              <Button
                secondary
                aria-label={t.atelier.moveUp}
                disabled={index === 0}
                onClick={() => moveAtelier(doc, atelier.id, -1)}
              >
                ↑
              </Button>
              <Button
                secondary
                aria-label={t.atelier.moveDown}
                disabled={index === meeting.ateliers.length - 1}
                onClick={() => moveAtelier(doc, atelier.id, 1)}
              >
                ↓
              </Button>
              <Button secondary danger onClick={() => remove(atelier)}>
                {confirming === atelier.id ? t.prepare.confirmRemove : t.prepare.removeAtelier}
              </Button>
            </div>
            {confirming === atelier.id && (
              <p className="field__error" role="alert">
                {t.prepare.removeWarning(contentOf(atelier))}
              </p>
            )}
          </li>
        ))}
      </ol>
      <Button
        secondary
        onClick={() => addAtelier(doc, t.home.defaultAtelier(meeting.ateliers.length + 1))}
      >
        {t.home.addAtelier}
      </Button>
      {meeting.removedAteliers.length > 0 && (
        <div className="removed">
          <h3>{t.prepare.removedAteliers}</h3>
          <ul>
            {meeting.removedAteliers.map((atelier) => (
              <li key={atelier.id} className="bin__item">
                <span>{atelier.name}</span>
                <Button secondary onClick={() => restoreAtelier(doc, atelier.id)}>
                  {t.atelier.restore}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

/** Shows what is typed even when it cannot be saved yet (an empty name), until it loses focus. */
function DraftField({
  label,
  value,
  onChange,
}: {
  label: string
  value: string
  onChange: (value: string) => void
}) {
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <Field label={label}>
      <input
        value={draft ?? value}
        maxLength={80}
        onChange={(event) => {
          setDraft(event.target.value)
          onChange(event.target.value)
        }}
        onBlur={() => setDraft(null)}
      />
    </Field>
  )
}
