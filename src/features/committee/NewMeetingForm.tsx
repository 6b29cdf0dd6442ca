import { useState, type FormEvent } from 'react'
import { ATELIER_NAME_MAX } from '../../doc/ateliers'
import { DETAIL_MAX, TITLE_MAX } from '../../doc/details'
import { newMeetingSchema } from '../../doc/meetingDoc'
import { BUILT_IN_TEMPLATES } from '../../doc/script'
import { navigate } from '../../hooks/useRoute'
import { isoDay } from '../../text/formatDate'
import { t } from '../../text/strings'
import { createNewMeeting, type TrameSource } from './createNewMeeting'
import { useDeviceCommittee } from '../../hooks/useCommittee'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

/**
 * The coordinator's first step: a title, a date, the theme of the evening, the ateliers, and the
 * trame to start from (a template, or a copy of an earlier meeting of the committee).
 */
export function NewMeetingForm() {
  const { committee } = useDeviceCommittee()
  const [sourceId, setSourceId] = useState(BUILT_IN_TEMPLATES[0]!.id)
  const sourceOf = (id: string): TrameSource => {
    const builtIn = BUILT_IN_TEMPLATES.find((template) => template.id === id)
    if (builtIn) return { kind: 'template', steps: builtIn.steps }
    const saved = committee?.templates.find((template) => template.id === id)
    if (saved) return { kind: 'template', steps: saved.steps }
    const earlier = committee?.meetings.find((meeting) => meeting.id === id)
    if (earlier) return { kind: 'copy', writeKey: earlier.writeKey }
    return { kind: 'template', steps: BUILT_IN_TEMPLATES[0]!.steps }
  }
  const [title, setTitle] = useState('')
  const [date, setDate] = useState(() => isoDay(Date.now()))
  const [theme, setTheme] = useState('')
  const [atelierNames, setAtelierNames] = useState([
    t.home.defaultAtelier(1),
    t.home.defaultAtelier(2),
  ])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const names = atelierNames.map((name) => name.trim())
    if (!title.trim()) return setError(t.home.needTitle)
    if (names.length < 2 || names.some((name) => !name)) return setError(t.home.needAteliers)
    const parsed = newMeetingSchema.safeParse({ title, date, theme, atelierNames: names })
    if (!parsed.success) return setError(t.home.needAteliers)
    setBusy(true)
    try {
      navigate(await createNewMeeting(parsed.data, sourceOf(sourceId)))
    } finally {
      setBusy(false)
    }
  }

  const rename = (index: number, name: string) =>
    setAtelierNames((names) => names.map((old, i) => (i === index ? name : old)))

  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t.home.newMeeting}</h2>
      <Field label={t.home.title}>
        <input
          value={title}
          maxLength={TITLE_MAX}
          placeholder={t.home.titlePlaceholder}
          onChange={(event) => setTitle(event.target.value)}
          data-testid="meeting-title"
        />
      </Field>
      <Field label={t.home.date}>
        <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
      </Field>
      <Field label={t.prepare.theme}>
        <input
          value={theme}
          maxLength={DETAIL_MAX}
          placeholder={t.prepare.themePlaceholder}
          onChange={(event) => setTheme(event.target.value)}
          data-testid="new-meeting-theme"
        />
      </Field>
      <Field label={t.home.startFrom}>
        <select
          value={sourceId}
          onChange={(event) => setSourceId(event.target.value)}
          data-testid="trame-source"
        >
          <optgroup label={t.home.templates}>
            {BUILT_IN_TEMPLATES.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
            {committee?.templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </optgroup>
          {committee && committee.meetings.length > 0 && (
            <optgroup label={t.home.copyOf}>
              {committee.meetings.map((meeting) => (
                <option key={meeting.id} value={meeting.id}>
                  {meeting.title} ({meeting.date})
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </Field>
      <Field group label={t.home.ateliers}>
        {atelierNames.map((name, index) => (
          <div className="inline-form" key={index}>
            <input
              aria-label={t.home.atelierName(index + 1)}
              value={name}
              maxLength={ATELIER_NAME_MAX}
              onChange={(event) => rename(index, event.target.value)}
            />
            {atelierNames.length > 2 && (
              <Button
                secondary
                onClick={() => setAtelierNames((names) => names.filter((_, i) => i !== index))}
              >
                {t.home.removeAtelier}
              </Button>
            )}
          </div>
        ))}
        <Button
          secondary
          onClick={() =>
            setAtelierNames((names) => [...names, t.home.defaultAtelier(names.length + 1)])
          }
        >
          {t.home.addAtelier}
        </Button>
      </Field>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <Button large type="submit" disabled={busy}>
        {busy ? t.home.creating : t.home.create}
      </Button>
    </form>
  )
}
