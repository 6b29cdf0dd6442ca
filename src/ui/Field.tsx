import type { ReactNode } from 'react'

interface Props {
  /** What the field asks, shown above it in bold. */
  label: ReactNode
  /** The control (input, select, textarea), or several under one legend when `group`. */
  children: ReactNode
  /** Several controls answering one question: a fieldset whose legend is the label. */
  group?: boolean
  /** A short value (a number): the field does not take the whole width. */
  narrow?: boolean
  /** Spoken, not shown: in a list of names, a label above each one would be noise. */
  hideLabel?: boolean
  className?: string
}

/**
 * A labelled field (`.field` in controls.css): the label above its control, the whole label a
 * target that focuses it.
 *
 * @example
 * <Field label={t.home.title}>
 *   <input value={title} onChange={(event) => setTitle(event.target.value)} />
 * </Field>
 */
export function Field({ label, children, group, narrow, hideLabel, className }: Props) {
  const classes = ['field']
  if (narrow) classes.push('field--narrow')
  if (className) classes.push(className)
  return group ? (
    <fieldset className={classes.join(' ')}>
      <legend className="field__label">{label}</legend>
      {children}
    </fieldset>
  ) : (
    <label className={classes.join(' ')}>
      <span className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</span>
      {children}
    </label>
  )
}
