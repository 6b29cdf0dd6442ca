import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { ProjectionScreen } from '../projection/ProjectionScreen'

/**
 * A live copy of what the room sees. The screen itself is chosen in the bar above (the list, or
 * "Précédent" / "Suivant"), so that this tab is no third row of buttons.
 */
export function ScreenPanel({ session }: { session: MeetingSession }) {
  return (
    <section className="card">
      <h2>{t.plenary.preview}</h2>
      <ProjectionScreen doc={session.doc} preview />
    </section>
  )
}
