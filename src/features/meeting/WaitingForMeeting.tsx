import type { ReactNode } from 'react'
import { t } from '../../text/strings'

/**
 * Shown while the meeting is read from this device, or until a new device receives it. On the
 * coordinator's link, once in sync with a relay that holds no meeting either (it was wiped),
 * `wayBack` offers to restore it as it was at an earlier moment.
 */
export function WaitingForMeeting({ loaded, wayBack }: { loaded: boolean; wayBack?: ReactNode }) {
  if (!loaded) return <p className="notice">{t.gate.loading}</p>
  return (
    <>
      <div className="notice notice--waiting">
        <h1>{t.gate.waiting}</h1>
        <p>{wayBack ? t.gate.emptyHelp : t.gate.waitingHelp}</p>
      </div>
      {wayBack}
    </>
  )
}
