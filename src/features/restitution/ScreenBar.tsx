import type { WallItem } from '../../doc/grouping'
import type { PlenaryMeeting } from './PlenaryControl'
import { neighbourScreen, setSpotlight, stepScreen } from '../../doc/plenary'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'

interface Props {
  meeting: PlenaryMeeting
  session: MeetingSession
  items: WallItem[]
}

/**
 * Always on top of the plenary panel: what the room sees now, "Précédent" / "Suivant", and what
 * is enlarged, with the way back to the whole wall.
 */
export function ScreenBar({ meeting, session, items }: Props) {
  const { screen, spotlight } = meeting.plenary
  const doc = session.doc
  const spotName =
    spotlight === null
      ? null
      : spotlight.kind === 'atelier'
        ? meeting.ateliers.find((atelier) => atelier.id === spotlight.id)?.name
        : items.find((item) => item.id === spotlight.id)?.text
  return (
    <section className="card plenary-bar" data-testid="plenary-bar">
      <div className="plenary-bar__now">
        <p className="plenary-bar__screen" data-testid="plenary-screen" data-screen={screen}>
          {t.plenary.onScreen(t.plenary.screens[screen])}
        </p>
        {screen === 'wall' && spotName && (
          <p className="plenary-bar__spotlight" data-testid="plenary-spotlight">
            {t.plenary.spotlightOn(spotName)}
          </p>
        )}
      </div>
      <div className="plenary-bar__actions">
        {screen === 'wall' && spotlight !== null && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setSpotlight(doc, null)}
          >
            {t.plenary.backToWall}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={neighbourScreen(screen, -1) === null}
          onClick={() => stepScreen(doc, screen, -1)}
        >
          {t.plenary.previous}
        </button>
        <button
          type="button"
          className="button"
          disabled={neighbourScreen(screen, 1) === null}
          onClick={() => stepScreen(doc, screen, 1)}
          data-testid="plenary-next"
        >
          {t.plenary.next}
        </button>
      </div>
    </section>
  )
}
