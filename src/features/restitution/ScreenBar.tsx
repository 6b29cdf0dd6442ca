import { useId } from 'react'
import type { WallItem } from '../../doc/grouping'
import type { PlenaryMeeting } from './PlenaryControl'
import {
  neighbourScreen,
  OPENING_SCREENS,
  PLENARY_SCREENS,
  setScreen,
  setSpotlight,
  stepScreen,
  type PlenaryScreen,
} from '../../doc/plenary'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

interface Props {
  meeting: PlenaryMeeting
  session: MeetingSession
  items: WallItem[]
}

const RESTITUTION_SCREENS = PLENARY_SCREENS.filter((screen) => !OPENING_SCREENS.includes(screen))

/**
 * Always on top of the plenary panel: what the room sees now — a choice of any screen, so it is a
 * list, not one more row of buttons like the tabs around it — "Précédent" / "Suivant", and what
 * is enlarged, with the way back to the whole wall.
 */
export function ScreenBar({ meeting, session, items }: Props) {
  const { screen, spotlight } = meeting.plenary
  const doc = session.doc
  const listId = useId()
  const spotName =
    spotlight === null
      ? null
      : spotlight.kind === 'atelier'
        ? meeting.ateliers.find((atelier) => atelier.id === spotlight.id)?.name
        : items.find((item) => item.id === spotlight.id)?.text
  return (
    <section className="card plenary-bar" data-testid="plenary-bar">
      <div className="plenary-bar__now">
        <p className="plenary-bar__screen">
          <label className="plenary-bar__label" htmlFor={listId}>
            {t.plenary.onScreenLabel}
          </label>
          <select
            id={listId}
            value={screen}
            onChange={(event) => setScreen(doc, event.target.value as PlenaryScreen)}
            data-testid="plenary-screen"
            data-screen={screen}
          >
            {(
              [
                [t.plenary.opening, OPENING_SCREENS],
                [t.plenary.restitution, RESTITUTION_SCREENS],
              ] as const
            ).map(([part, screens]) => (
              <optgroup key={part} label={part}>
                {screens.map((choice) => (
                  <option key={choice} value={choice}>
                    {t.plenary.screens[choice]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </p>
        {screen === 'wall' && spotName && (
          <p className="plenary-bar__spotlight" data-testid="plenary-spotlight">
            {t.plenary.spotlightOn(spotName)}
          </p>
        )}
      </div>
      <div className="plenary-bar__actions">
        {screen === 'wall' && spotlight !== null && (
          <Button secondary onClick={() => setSpotlight(doc, null)}>
            {t.plenary.backToWall}
          </Button>
        )}
        <Button
          secondary
          disabled={neighbourScreen(screen, -1) === null}
          onClick={() => stepScreen(doc, screen, -1)}
        >
          {t.plenary.previous}
        </Button>
        <Button
          disabled={neighbourScreen(screen, 1) === null}
          onClick={() => stepScreen(doc, screen, 1)}
          data-testid="plenary-next"
        >
          {t.plenary.next}
        </Button>
      </div>
    </section>
  )
}
