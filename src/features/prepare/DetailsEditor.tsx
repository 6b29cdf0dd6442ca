import {
  atelierSlotMinutes,
  scheduleProblems,
  updateDetails,
  type Schedule,
} from '../../doc/details'
import type { Meeting } from '../../doc/meetingDoc'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'

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
        <label className="field">
          <span className="field__label">{t.home.title}</span>
          <input
            value={meeting.title}
            maxLength={200}
            onChange={(e) => update({ title: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t.home.date}</span>
          <input
            type="date"
            value={meeting.date}
            onChange={(e) => update({ date: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t.prepare.theme}</span>
          <input
            value={meeting.theme}
            maxLength={200}
            placeholder={t.prepare.themePlaceholder}
            onChange={(e) => update({ theme: e.target.value })}
            data-testid="meeting-theme"
          />
        </label>
        <label className="field">
          <span className="field__label">{t.prepare.place}</span>
          <input
            value={meeting.place}
            maxLength={200}
            placeholder={t.prepare.placePlaceholder}
            onChange={(e) => update({ place: e.target.value })}
          />
        </label>
      </div>
      <label className="field field--narrow">
        <span className="field__label">{t.evaluation.registered}</span>
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
      </label>
      <fieldset className="field">
        <legend className="field__label">{t.prepare.schedule}</legend>
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
      </fieldset>
      <label className="field">
        <span className="field__label">{t.prepare.openingText}</span>
        <textarea
          rows={6}
          value={meeting.openingText}
          maxLength={4000}
          onChange={(e) => update({ openingText: e.target.value })}
        />
      </label>
    </section>
  )
}
