import type { ComponentProps } from 'react'

interface Props extends ComponentProps<'button'> {
  /** White with a blue outline: every action but the one the screen leads to. */
  secondary?: boolean
  /** Red: an action that removes or erases (outlined red when also `secondary`). */
  danger?: boolean
  /** Full width and taller: the one action of a form or a screen. */
  large?: boolean
}

/**
 * Tandem's button (`.button` in controls.css): a touch target of at least 52 px, and
 * `type="button"` unless told otherwise, so that no button submits a form by accident.
 *
 * @example
 * <Button secondary onClick={close}>{t.common.close}</Button>
 * <Button type="submit" large>{t.home.create}</Button>
 */
export function Button({ secondary, danger, large, className, type = 'button', ...props }: Props) {
  const classes = ['button']
  if (secondary) classes.push('button--secondary')
  if (danger) classes.push('button--danger')
  if (large) classes.push('button--large')
  if (className) classes.push(className)
  return <button type={type} className={classes.join(' ')} {...props} />
}
