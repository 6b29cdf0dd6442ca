import { useState, type FormEvent } from 'react'
import { ATELIER_NAME_MAX } from '../../doc/ateliers'
import { TITLE_MAX } from '../../doc/details'
import { newMeetingSchema } from '../../doc/meetingDoc'
import { navigate } from '../../app/useRoute'
import { t } from '../../ui/strings'
import { createNewMeeting } from './createNewMeeting'

const today = () => new Date().toLocaleDateString('sv-SE') // YYYY-MM-DD in local time

/** The coordinator's first step: a title, a date and the ateliers of the evening. */
export function NewMeetingForm() {
  const [title, setTitle] = useState('')
  const [date, setDate] = useState(today)
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
    const parsed = newMeetingSchema.safeParse({ title, date, atelierNames: names })
    if (!parsed.success) return setError(t.home.needAteliers)
    setBusy(true)
    try {
      navigate(await createNewMeeting(parsed.data))
    } finally {
      setBusy(false)
    }
  }

  const rename = (index: number, name: string) =>
    setAtelierNames((names) => names.map((old, i) => (i === index ? name : old)))

  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t.home.newMeeting}</h2>
      <label className="field">
        <span className="field__label">{t.home.title}</span>
        <input
          value={title}
          maxLength={TITLE_MAX}
          placeholder={t.home.titlePlaceholder}
          onChange={(event) => setTitle(event.target.value)}
          data-testid="meeting-title"
        />
      </label>
      <label className="field">
        <span className="field__label">{t.home.date}</span>
        <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
      </label>
      <fieldset className="field">
        <legend className="field__label">{t.home.ateliers}</legend>
        {atelierNames.map((name, index) => (
          <div className="inline-form" key={index}>
            <input
              aria-label={t.home.atelierName(index + 1)}
              value={name}
              maxLength={ATELIER_NAME_MAX}
              onChange={(event) => rename(index, event.target.value)}
            />
            {atelierNames.length > 2 && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setAtelierNames((names) => names.filter((_, i) => i !== index))}
              >
                {t.home.removeAtelier}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setAtelierNames((names) => [...names, t.home.defaultAtelier(names.length + 1)])
          }
        >
          {t.home.addAtelier}
        </button>
      </fieldset>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button className="button button--large" type="submit" disabled={busy}>
        {busy ? t.home.creating : t.home.create}
      </button>
    </form>
  )
}
