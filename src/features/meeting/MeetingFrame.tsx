import type { ReactNode } from 'react'
import type { SyncStatus } from '../../sync/meetingSession'
import { MAIN_ID, SkipLink } from '../../ui/SkipLink'
import { SyncIndicator } from '../../ui/SyncIndicator'
import { t } from '../../text/strings'
import { ErrorBoundary } from '../../ui/ErrorBoundary'

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
        <SkipLink />
        <a className="topbar__home" href="#/">
          {t.appName}
          <span className="visually-hidden">{t.gate.homeSuffix}</span>
        </a>
        <span className="topbar__title">{title}</span>
        {readOnly && <span className="badge">{t.gate.readOnly}</span>}
        {status && <SyncIndicator status={status} />}
      </header>
      <main className="frame__body" id={MAIN_ID} tabIndex={-1}>
        {/* Below the top bar: whatever fails in the screen, the sync state stays in sight. */}
        <ErrorBoundary scope="screen">{body}</ErrorBoundary>
      </main>
    </div>
  )
}
