import type { ReactNode } from 'react'
import type { SyncStatus } from '../../sync/meetingSession'
import { SyncIndicator } from '../../ui/SyncIndicator'
import { t } from '../../ui/strings'

interface MeetingFrameProps {
  title: string
  status: SyncStatus | null
  readOnly?: boolean
  body: ReactNode
}

/** The top bar every meeting screen shares: home, meeting title, read-only badge, sync state. */
export function MeetingFrame({ title, status, readOnly = false, body }: MeetingFrameProps) {
  return (
    <div className="frame">
      <header className="topbar">
        <a className="topbar__home" href="#/" aria-label={t.gate.home}>
          {t.appName}
        </a>
        <span className="topbar__title">{title}</span>
        {readOnly && <span className="badge">{t.gate.readOnly}</span>}
        {status && <SyncIndicator status={status} />}
      </header>
      <main className="frame__body">{body}</main>
    </div>
  )
}
