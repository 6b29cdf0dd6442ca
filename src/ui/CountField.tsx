import { useState } from 'react'
import { COUNT_MAX } from '../doc/voteCounts'
import { t } from '../text/strings'
import { Button } from './Button'
import './votes.css'

interface Props {
  /** Shown above the field (e.g. the collège). */
  label: string
  /** Read by screen readers when the visible label is not enough (e.g. which idea). */
  ariaLabel?: string
  /** This device's count, if it entered one. */
  mine: number | undefined
  /** What the other counting devices entered. */
  others: number[]
  agreed: boolean
  /** The distinct values entered, when they disagree. */
  values: number[]
  onEnter: (count: number) => void
  onWithdraw: () => void
  onSettle: (count: number) => void
  testId?: string
  bucket?: string
}

/**
 * A count of raised hands typed by one of the people counting. What the others counted on
 * their devices shows beside it; when counts differ, "écart : 12 / 14" and one tap keeps the
 * right one once the room has recounted. Used by the plenary's votes and the idea bank's.
 */
export function CountField(props: Props) {
  const { label, ariaLabel, mine, others, agreed, values, onEnter, onWithdraw, onSettle } = props
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const value = draft.trim()
    if (value === '') onWithdraw()
    else if (/^\d+$/.test(value) && Number(value) <= COUNT_MAX) onEnter(Number(value))
    setDraft(null)
  }
  return (
    <div
      className={`count-field${agreed ? '' : ' count-field--gap'}`}
      data-testid="count-field"
      data-bucket={props.bucket}
    >
      <label className="count-field__label">
        <span>{label}</span>
        <input
          aria-label={ariaLabel}
          type="number"
          inputMode="numeric"
          min={0}
          max={COUNT_MAX}
          step={1}
          value={draft ?? (mine === undefined ? '' : String(mine))}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit()
          }}
          data-testid={props.testId}
        />
      </label>
      {others.length > 0 && agreed && <p className="count-field__others">{t.counting.agreed}</p>}
      {others.length > 0 && !agreed && (
        <p className="count-field__others">{t.counting.othersCounted(others.join(', '))}</p>
      )}
      {!agreed && (
        <div className="count-field__gap" data-testid="count-gap">
          <strong>{t.counting.gap(values)}</strong>
          {values.map((value) => (
            <Button key={value} secondary onClick={() => onSettle(value)}>
              {t.counting.keep(value)}
            </Button>
          ))}
        </div>
      )}
    </div>
  )
}

/** This device's entry and the others', from every device's entries for one count. */
export function splitEntries(entries: Array<{ counterId: string; count: number }>, me: string) {
  return {
    mine: entries.find((entry) => entry.counterId === me)?.count,
    others: entries.filter((entry) => entry.counterId !== me).map((entry) => entry.count),
  }
}
