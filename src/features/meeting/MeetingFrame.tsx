import type { ReactNode } from 'react'
import { useSyncStatus } from '../../hooks/useSyncStatus'
import type { MeetingSession } from '../../sync/meetingSession'
import { MAIN_ID, SkipLink } from '../../ui/SkipLink'
import { SyncIndicator } from '../../ui/SyncIndicator'
import { t } from '../../text/strings'
import { ErrorBoundary } from '../../ui/ErrorBoundary'

interface MeetingFrameProps {
  title: string
  /** The open meeting, whose sync state the bar shows; `null` while it opens. */
  session: MeetingSession | null
  body: ReactNode
}

/** The top bar every meeting screen shares: home, meeting title, read-only badge, sync state. */
export function MeetingFrame({ title, session, body }: MeetingFrameProps) {
  return (
    <div className="frame">
      <header className="topbar">
        <SkipLink />
        <a className="topbar__home" href="#/">
          {t.appName}
          <span className="visually-hidden">{t.gate.homeSuffix}</span>
        </a>
        <span className="topbar__title">{title}</span>
        {session?.readOnly && <span className="badge">{t.gate.readOnly}</span>}
        {session && <LiveSyncIndicator session={session} />}
      </header>
      <main className="frame__body" id={MAIN_ID} tabIndex={-1}>
        {/* Below the top bar: whatever fails in the screen, the sync state stays in sight. */}
        <ErrorBoundary scope="screen">{body}</ErrorBoundary>
      </main>
    </div>
  )
}

/** The indicator reads the whole status, alone: the screen beside it does not re-render. */
function LiveSyncIndicator({ session }: { session: MeetingSession }) {
  return <SyncIndicator status={useSyncStatus(session)} />
}
