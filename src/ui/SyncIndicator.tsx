import { useEffect, useId, useState } from 'react'
import { useNow } from '../hooks/useNow'
import type { SyncStatus } from '../sync/meetingSession'
import { describeSync } from './describeSync'
import { t } from '../text/strings'

/**
 * "Enregistré" appears only once this long has passed with nothing unsaved, so typing does not
 * make the details flicker at every keystroke. Only that direction is delayed: "Enregistrement…"
 * appears at once, so the bar never claims a change is saved before IndexedDB committed it.
 */
const SAVED_SETTLE_MS = 600

/**
 * Always-visible sync state: a coloured dot and one short line in plain French; a tap shows what
 * is saved here, what the relay has, and when this device last synchronised.
 */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const now = useNow(15_000)
  const saved = useSettledTrue(status.savedLocally, SAVED_SETTLE_MS)
  const [open, setOpen] = useState(false)
  const detailsId = useId()
  const { summary, details } = describeSync(status, saved, now)
  return (
    <div
      className={`sync sync--${status.connection}`}
      data-testid="sync-indicator"
      data-state={status.connection}
      data-saved={saved ? 'yes' : 'no'}
    >
      <button
        type="button"
        className="sync__summary"
        aria-expanded={open}
        aria-controls={detailsId}
        aria-label={`${summary} — ${t.sync.details}`}
        onClick={() => setOpen(!open)}
      >
        <span className="sync__dot" aria-hidden="true" />
        <span className="sync__label" role="status" aria-live="polite">
          {summary}
        </span>
      </button>
      <ul className="sync__details" id={detailsId} hidden={!open} data-testid="sync-details">
        {details.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  )
}

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
