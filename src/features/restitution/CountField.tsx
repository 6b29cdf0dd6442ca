import { useState } from 'react'
import {
  COUNT_MAX,
  enterCount,
  settleCount,
  withdrawCount,
  type BucketCount,
  type VoteBucket,
  type VoteEntry,
} from '../../doc/votes'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../ui/strings'
import { counterId } from './counterId'

interface Props {
  session: MeetingSession
  itemId: string
  bucket: VoteBucket
  label: string
  /** Every device's count for this item and bucket. */
  entries: VoteEntry[]
  count: BucketCount
}

/**
 * This device's count of hands for one item (overall or one collège). What others counted on
 * their devices shows beside it; when the counts differ, "écart : 12 / 14" and one tap keeps
 * the right one once the room has recounted.
 */
export function CountField({ session, itemId, bucket, label, entries, count }: Props) {
  const me = counterId()
  const mine = entries.find((entry) => entry.counterId === me)
  const others = entries.filter((entry) => entry.counterId !== me).map((entry) => entry.count)
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const value = draft.trim()
    if (value === '') withdrawCount(session.doc, itemId, bucket, me)
    else if (/^\d+$/.test(value) && Number(value) <= COUNT_MAX)
      enterCount(session.doc, itemId, bucket, me, Number(value))
    setDraft(null)
  }
  return (
    <div
      className={`count-field${count.agreed ? '' : ' count-field--gap'}`}
      data-testid="count-field"
      data-bucket={bucket}
    >
      <label className="count-field__label">
        <span>{label}</span>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={COUNT_MAX}
          step={1}
          value={draft ?? (mine ? String(mine.count) : '')}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit()
          }}
        />
      </label>
      {others.length > 0 && count.agreed && (
        <p className="count-field__others">{t.plenary.agreed}</p>
      )}
      {others.length > 0 && !count.agreed && (
        <p className="count-field__others">{t.plenary.othersCounted(others.join(', '))}</p>
      )}
      {!count.agreed && (
        <div className="count-field__gap" data-testid="count-gap">
          <strong>{t.wall.gap(count.values)}</strong>
          {count.values.map((value) => (
            <button
              key={value}
              type="button"
              className="button button--secondary"
              onClick={() => settleCount(session.doc, itemId, bucket, value)}
            >
              {t.plenary.keep(value)}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
