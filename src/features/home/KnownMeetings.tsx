import { useState } from 'react'
import { forgetMeeting, type KnownMeeting } from '../../device/deviceDb'
import { reportStorageError } from '../../device/storageHealth'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

interface Props {
  meetings: KnownMeeting[]
  onForgotten: () => void
}

/** The meetings this device has opened, to go back to them without the link. */
export function KnownMeetings({ meetings, onForgotten }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null)
  return (
    <section className="card">
      <h2>{t.home.known}</h2>
      {meetings.length === 0 ? (
        <p className="help">{t.home.noneKnown}</p>
      ) : (
        <ul className="known-list">
          {meetings.map((meeting) => (
            <li key={meeting.fragment} className="known-list__item" data-testid="known-meeting">
              <a className="known-list__link" href={meeting.fragment}>
                <strong>{meeting.title || '—'}</strong>
                <span className="muted">
                  {t.home.kind[meeting.kind]}
                  {meeting.atelierName ? ` · ${meeting.atelierName}` : ''}
                </span>
              </a>
              {confirming === meeting.fragment ? (
                <div className="known-list__confirm" role="group" aria-label={t.home.forget}>
                  <p>
                    {t.home.forgetQuestion(
                      meeting.atelierName
                        ? `${meeting.title} — ${meeting.atelierName}`
                        : meeting.title,
                    )}
                  </p>
                  <div className="inline-actions">
                    <Button
                      danger
                      onClick={() =>
                        void forgetMeeting(meeting.fragment)
                          .then(onForgotten)
                          .catch(reportStorageError)
                      }
                    >
                      {t.home.forgetConfirm}
                    </Button>
                    <Button secondary autoFocus onClick={() => setConfirming(null)}>
                      {t.home.forgetCancel}
                    </Button>
                  </div>
                </div>
              ) : (
                <Button secondary onClick={() => setConfirming(meeting.fragment)}>
                  {t.home.forget}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
