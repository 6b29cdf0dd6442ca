import type * as Y from 'yjs'
import { OPENING_SCREENS, type PlenaryScreen } from '../../doc/plenary'
import { pick, useMeetingPart } from '../../hooks/useMeetingPart'
import { t } from '../../text/strings'
import { formatDate } from '../../text/formatDate'
import { useFitText } from './useFitText'

interface Props {
  doc: Y.Doc
  screen: PlenaryScreen
}

const selectOpening = pick([
  'title',
  'openingText',
  'followUpDigest',
  'theme',
  'date',
  'place',
  'ateliers',
])

/**
 * The opening plenary, one screen at a time: how the committee works, what became of earlier
 * proposals, the theme of the evening, the ateliers and their rooms.
 */
export function OpeningSlide({ doc, screen }: Props) {
  const meeting = useMeetingPart(doc, selectOpening)
  const fitRef = useFitText({ min: 1.6, max: 6 })
  const index = OPENING_SCREENS.indexOf(screen)
  return (
    <div className="slide" data-testid="opening-slide" data-screen={screen}>
      <p className="slide__kicker">{meeting.title}</p>
      <h1 className="slide__title">{t.wall.opening[screen as keyof typeof t.wall.opening]}</h1>
      <div className="slide__body" ref={fitRef}>
        <div className="slide__fit" data-fit>
          {screen === 'howItWorks' && <p className="slide__text">{meeting.openingText}</p>}
          {screen === 'followUp' &&
            (meeting.followUpDigest.length === 0 ? (
              <p className="slide__text">{t.wall.opening.followUpPending}</p>
            ) : (
              <ul className="slide__follow-up" data-testid="opening-follow-up">
                {meeting.followUpDigest.map((entry) => (
                  <li key={`${entry.meetingTitle}|${entry.text}`}>
                    <span className={`tag tag--status-${entry.status}`}>
                      {t.followUp.status[entry.status]}
                    </span>{' '}
                    {entry.text} <span className="muted">({entry.meetingTitle})</span>
                  </li>
                ))}
              </ul>
            ))}
          {screen === 'theme' && (
            <>
              <p className="slide__theme">{meeting.theme || t.wall.opening.noTheme}</p>
              <p className="slide__text">
                {[meeting.date && formatDate(meeting.date), meeting.place]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </>
          )}
          {screen === 'ateliers' && (
            <ul className="slide__ateliers">
              {meeting.ateliers.map((atelier) => (
                <li key={atelier.id}>
                  <strong>{atelier.name}</strong>
                  <span>{atelier.room || t.wall.opening.noRoom}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <ol className="slide__dots" aria-hidden="true">
        {OPENING_SCREENS.map((candidate, position) => (
          <li key={candidate} className={position === index ? 'slide__dot--current' : ''} />
        ))}
      </ol>
    </div>
  )
}
