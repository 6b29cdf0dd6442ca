import { useEffect, useState } from 'react'
import { forgetMeeting, listKnownMeetings, type KnownMeeting } from '../../device/deviceDb'
import { reportStorageError } from '../../device/storageHealth'
import { t } from '../../ui/strings'

/** The meetings this device has opened, to go back to them without the link. */
export function KnownMeetings() {
  const [meetings, setMeetings] = useState<KnownMeeting[] | null>(null)
  const reload = () =>
    void listKnownMeetings()
      .then(setMeetings)
      .catch((error: unknown) => {
        reportStorageError(error)
        setMeetings([])
      })
  useEffect(reload, [])
  if (meetings === null) return null
  return (
    <section className="card">
      <h2>{t.home.known}</h2>
      {meetings.length === 0 ? (
        <p className="help">{t.home.noneKnown}</p>
      ) : (
        <ul className="known-list">
          {meetings.map((meeting) => (
            <li key={meeting.fragment} className="known-list__item">
              <a className="known-list__link" href={meeting.fragment}>
                <strong>{meeting.title || '—'}</strong>
                <span className="muted">
                  {t.home.kind[meeting.kind]}
                  {meeting.atelierName ? ` · ${meeting.atelierName}` : ''}
                </span>
              </a>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void forgetMeeting(meeting.fragment).then(reload)}
              >
                {t.home.forget}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
