import { t } from '../../ui/strings'
import { CommitteeCard } from './CommitteeCard'
import { DeviceStatus } from './DeviceStatus'
import { JoinByLink } from './JoinByLink'
import { KnownMeetings } from './KnownMeetings'
import { NewMeetingForm } from '../committee/NewMeetingForm'

export function HomeScreen() {
  return (
    <div className="frame">
      <header className="topbar">
        <span className="topbar__home">{t.appName}</span>
        <span className="topbar__title muted">{t.tagline}</span>
      </header>
      <main className="frame__body page">
        <CommitteeCard />
        <KnownMeetings />
        <NewMeetingForm />
        <JoinByLink />
        <DeviceStatus />
      </main>
    </div>
  )
}
