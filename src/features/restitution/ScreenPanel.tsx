import { OPENING_SCREENS, setScreen, type PlenaryScreen } from '../../doc/plenary'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { ProjectionScreen } from '../projection/ProjectionScreen'

const RESTITUTION_SCREENS: PlenaryScreen[] = ['wall', 'ranking']

interface Props {
  /** What the room sees now. */
  current: PlenaryScreen
  session: MeetingSession
}

/** Any screen in one tap, and a live copy of what the room sees. */
export function ScreenPanel({ current, session }: Props) {
  const choices = (screens: readonly PlenaryScreen[]) => (
    <div className="plenary-choices">
      {screens.map((screen) => (
        <button
          key={screen}
          type="button"
          className={`tabs__tab${screen === current ? ' tabs__tab--active' : ''}`}
          aria-pressed={screen === current}
          onClick={() => setScreen(session.doc, screen)}
        >
          {t.plenary.screens[screen]}
        </button>
      ))}
    </div>
  )
  return (
    <section className="card plenary-screens">
      <h2>{t.plenary.opening}</h2>
      {choices(OPENING_SCREENS)}
      <h2>{t.plenary.restitution}</h2>
      {choices(RESTITUTION_SCREENS)}
      <h3>{t.plenary.preview}</h3>
      <ProjectionScreen doc={session.doc} preview />
    </section>
  )
}
