import { useEffect, useState } from 'react'
import { useNow } from '../hooks/useNow'
import type { SyncStatus } from '../sync/meetingSession'
import { formatAgo } from './formatAgo'
import { t } from './strings'

/**
 * "Enregistré" appears only once this long has passed with nothing unsaved, so typing does not
 * make the bar flicker at every keystroke. Only that direction is delayed: "Enregistrement…"
 * appears at once, so the bar never claims a change is saved before IndexedDB committed it.
 */
const SAVED_SETTLE_MS = 600

/** Always-visible sync state: a coloured dot, a word, what is saved here and when it last synced. */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const now = useNow(15_000)
  const saved = useSettledTrue(status.savedLocally, SAVED_SETTLE_MS)
  const here =
    status.unsavedChanges > 0 && status.storageProblem
      ? t.saving.notSaved(status.unsavedChanges)
      : saved
        ? t.saving.savedHere
        : t.saving.inProgress
  const lastSynced = t.sync.lastSynced(formatAgo(status.lastSyncedAt, now))
  const relay =
    status.refusal === 'tooLarge'
      ? t.saving.refusedTooLarge
      : status.refusal === 'forbiddenOrigin'
        ? t.saving.refusedOrigin
        : status.connection === 'synced'
          ? null
          : status.refusal === 'busy'
            ? `${t.saving.relayBusy} · ${lastSynced}`
            : status.pendingChanges
              ? `${t.sync.pending} · ${lastSynced}`
              : lastSynced
  const label =
    status.connection === 'refused' &&
    (status.refusal === 'tooLarge' || status.refusal === 'forbiddenOrigin')
      ? t.saving.stopped
      : LABEL[status.connection]
  return (
    <div
      className={`sync sync--${status.connection}`}
      role="status"
      aria-live="polite"
      data-testid="sync-indicator"
      data-state={status.connection}
      data-saved={saved ? 'yes' : 'no'}
    >
      <span className="sync__dot" aria-hidden="true" />
      <span className="sync__label">{label}</span>
      <span className="sync__detail">{relay ? `${here} · ${relay}` : here}</span>
    </div>
  )
}

const LABEL = {
  synced: t.sync.synced,
  connecting: t.sync.connecting,
  offline: t.sync.offline,
  refused: t.sync.refused,
} as const

/** `value`, except that turning true takes effect only after it stayed true for `delayMs`. */
function useSettledTrue(value: boolean, delayMs: number): boolean {
  const [state, setState] = useState({ value, settled: value })
  // React's "adjust state when a prop changes" pattern: a new value starts unsettled.
  if (state.value !== value) setState({ value, settled: false })
  useEffect(() => {
    if (!value) return
    const timer = setTimeout(() => setState({ value: true, settled: true }), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return value && state.value && state.settled
}
