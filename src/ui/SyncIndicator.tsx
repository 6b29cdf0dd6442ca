import { useNow } from '../hooks/useNow'
import type { SyncStatus } from '../sync/meetingSession'
import { formatAgo } from './formatAgo'
import { t } from './strings'

const LABEL = {
  synced: t.sync.synced,
  connecting: t.sync.connecting,
  offline: t.sync.offline,
  refused: t.sync.refused,
} as const

/** Always-visible sync state: a coloured dot, a word, and when this device last synced. */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const now = useNow(15_000)
  const detail =
    status.connection === 'synced'
      ? t.sync.savedHere
      : status.pendingChanges
        ? `${t.sync.pending} · ${t.sync.lastSynced(formatAgo(status.lastSyncedAt, now))}`
        : `${t.sync.savedHere} · ${t.sync.lastSynced(formatAgo(status.lastSyncedAt, now))}`
  return (
    <div
      className={`sync sync--${status.connection}`}
      role="status"
      aria-live="polite"
      data-testid="sync-indicator"
      data-state={status.connection}
    >
      <span className="sync__dot" aria-hidden="true" />
      <span className="sync__label">{LABEL[status.connection]}</span>
      <span className="sync__detail">{detail}</span>
    </div>
  )
}
