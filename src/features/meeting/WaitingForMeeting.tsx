import { t } from '../../ui/strings'

/** Shown while the meeting is read from this device, or until a new device receives it. */
export function WaitingForMeeting({ loaded }: { loaded: boolean }) {
  if (!loaded) return <p className="notice">{t.gate.loading}</p>
  return (
    <div className="notice notice--waiting">
      <h1>{t.gate.waiting}</h1>
      <p>{t.gate.waitingHelp}</p>
    </div>
  )
}
