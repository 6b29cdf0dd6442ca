import { useId, useState } from 'react'
import { WEIGHT_MAX } from '../doc/voteCounts'
import { formatDecimal, parseDecimal } from '../text/decimal'
import { t } from '../text/strings'
import './votes.css'

interface Props {
  label: string
  ariaLabel: string
  weight: number
  onChange: (weight: number) => void
}

/**
 * A collège's weight in a vote, 0 to `WEIGHT_MAX`, shown and typed the French way ("0,5"). A
 * text field, not `type="number"`: a number field drops the comma of "0,5" and keeps "05".
 * What is not a weight stays in the field with a message, and nothing is saved.
 */
export function WeightField({ label, ariaLabel, weight, onChange }: Props) {
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  const commit = () => {
    if (draft === null) return
    const value = parseDecimal(draft)
    if (value === null) return setError(t.weight.notANumber(draft.trim()))
    if (value > WEIGHT_MAX) return setError(t.weight.outOfRange(WEIGHT_MAX))
    onChange(value)
    setDraft(null)
    setError(null)
  }
  return (
    <label className="count-field__label">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-label={ariaLabel}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : errorId}
        value={draft ?? formatDecimal(weight)}
        onChange={(event) => {
          setDraft(event.target.value)
          setError(null)
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
        }}
      />
      {error !== null && (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      )}
    </label>
  )
}
