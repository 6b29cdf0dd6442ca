import { MAIN_ID, SkipLink } from '../../ui/SkipLink'
import { t } from '../../text/strings'
import { CommitteeCard } from './CommitteeCard'
import { DeviceStatus } from './DeviceStatus'
import { JoinByLink } from './JoinByLink'
import { KnownMeetings } from './KnownMeetings'
import { NewMeetingForm } from '../committee/NewMeetingForm'
import { isTabletOnly, useKnownMeetings } from './useKnownMeetings'

export function HomeScreen() {
  const { meetings, reload } = useKnownMeetings()
  // An atelier tablet shows its atelier first; creating a meeting stays one tap away, folded.
  const tabletOnly = meetings !== null && isTabletOnly(meetings)
  return (
    <div className="frame">
      <header className="topbar">
        <SkipLink />
        <h1 className="topbar__home">{t.appName}</h1>
        <span className="topbar__title muted">{t.tagline}</span>
      </header>
      <main className="frame__body page" id={MAIN_ID} tabIndex={-1}>
        <CommitteeCard />
        {meetings !== null && <KnownMeetings meetings={meetings} onForgotten={reload} />}
        {meetings !== null &&
          (tabletOnly ? (
            <details className="card card--quiet" data-testid="coordinate-instead">
              <summary className="disclosure">{t.home.coordinateInstead}</summary>
              <NewMeetingForm />
            </details>
          ) : (
            <NewMeetingForm />
          ))}
        <JoinByLink />
        <DeviceStatus />
      </main>
    </div>
  )
}
