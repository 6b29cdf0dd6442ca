import {
  atelierSlotMinutes,
  scheduleProblems,
  updateDetails,
  type Schedule,
} from '../../doc/details'
import type { Meeting } from '../../doc/meetingDoc'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Field } from '../../ui/Field'

const PARTS: Array<keyof Schedule> = ['opening', 'ateliers', 'restitution', 'end']

/** Title, date, theme, place, the evening's schedule and the opening plenary's text. */
export function DetailsEditor({ meeting, session }: { meeting: Meeting; session: MeetingSession }) {
  const update = (patch: Parameters<typeof updateDetails>[1]) => {
    try {
      updateDetails(session.doc, patch)
    } catch {
      // An incomplete value while typing (a cleared time field) is simply not saved.
    }
  }
  const problems = scheduleProblems(meeting.schedule)
  return (
    <section className="card">
      <h2>{t.prepare.details}</h2>
      <div className="form-grid">
        <Field label={t.home.title}>
          <input
            value={meeting.title}
            maxLength={200}
            onChange={(e) => update({ title: e.target.value })}
          />
        </Field>
        <Field label={t.home.date}>
          <input
            type="date"
            value={meeting.date}
            onChange={(e) => update({ date: e.target.value })}
          />
        </Field>
        <Field label={t.prepare.theme}>
          <input
            value={meeting.theme}
            maxLength={200}
            placeholder={t.prepare.themePlaceholder}
            onChange={(e) => update({ theme: e.target.value })}
            data-testid="meeting-theme"
          />
        </Field>
        <Field label={t.prepare.place}>
          <input
            value={meeting.place}
            maxLength={200}
            placeholder={t.prepare.placePlaceholder}
            onChange={(e) => update({ place: e.target.value })}
          />
        </Field>
      </div>
      <Field narrow label={t.evaluation.registered}>
        <input
          type="number"
          min={0}
          inputMode="numeric"
          value={meeting.registered ?? ''}
          onChange={(e) =>
            update({
              registered: e.target.value === '' ? null : Math.floor(Number(e.target.value)),
            })
          }
        />
      </Field>
      <Field group label={t.prepare.schedule}>
        <div className="schedule">
          {PARTS.map((part) => (
            <label key={part} className="field">
              <span>{t.prepare.parts[part]}</span>
              <input
                type="time"
                value={meeting.schedule[part]}
                onChange={(e) =>
                  update({ schedule: { ...meeting.schedule, [part]: e.target.value } })
                }
              />
            </label>
          ))}
        </div>
        {problems.length > 0 ? (
          <p className="field__error" role="alert">
            {t.prepare.scheduleOutOfOrder(problems.map((part) => t.prepare.parts[part]).join(', '))}
          </p>
        ) : (
          <p className="help">{t.prepare.atelierSlot(atelierSlotMinutes(meeting.schedule))}</p>
        )}
      </Field>
      <Field label={t.prepare.openingText}>
        <textarea
          rows={6}
          value={meeting.openingText}
          maxLength={4000}
          onChange={(e) => update({ openingText: e.target.value })}
        />
      </Field>
    </section>
  )
}
