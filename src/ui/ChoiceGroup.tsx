import { useId } from 'react'

/**
 * One choice among a few, as radio buttons drawn side by side in one frame (a segmented
 * control): a setting, which reads differently from the tabs that switch views.
 */
export function ChoiceGroup<T extends string>({
  legend,
  choices,
  labels,
  value,
  onChange,
}: {
  legend: string
  choices: readonly T[]
  labels: Record<T, string>
  value: T
  onChange: (choice: T) => void
}) {
  const name = useId()
  return (
    <fieldset className="choice-group">
      <legend className="field__label">{legend}</legend>
      <div className="choice-group__options">
        {choices.map((choice) => (
          <label
            key={choice}
            className={`choice-group__option${choice === value ? ' choice-group__option--on' : ''}`}
          >
            <input
              type="radio"
              name={name}
              value={choice}
              checked={choice === value}
              onChange={() => onChange(choice)}
            />
            {labels[choice]}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
