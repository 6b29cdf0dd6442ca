import { useState } from 'react'
import { WEIGHT_MAX } from '../doc/votes'

interface Props {
  label: string
  ariaLabel: string
  weight: number
  onChange: (weight: number) => void
}

/** A collège's weight in a vote (0 to `WEIGHT_MAX`, a French decimal comma accepted). */
export function WeightField({ label, ariaLabel, weight, onChange }: Props) {
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const value = Number(draft.replace(',', '.'))
    if (draft.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= WEIGHT_MAX)
      onChange(value)
    setDraft(null)
  }
  return (
    <label className="count-field__label">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        min={0}
        max={WEIGHT_MAX}
        step={0.5}
        aria-label={ariaLabel}
        value={draft ?? String(weight)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
        }}
      />
    </label>
  )
}
