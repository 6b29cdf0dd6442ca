import { useLayoutEffect, useRef, type RefObject } from 'react'

/**
 * A ref for a textarea that grows as tall as its text, so a long note is read whole instead of
 * scrolled inside a small box (on a tablet, scrolling inside a field fights the page's own
 * scrolling). Its `rows` stays the minimum height.
 *
 * @example
 *   const field = useAutoGrow(value)
 *   return <textarea ref={field} value={value} rows={3} … />
 */
export function useAutoGrow(value: string): RefObject<HTMLTextAreaElement | null> {
  const field = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    const element = field.current
    if (!element) return
    element.style.height = 'auto'
    const borders = element.offsetHeight - element.clientHeight
    element.style.height = `${element.scrollHeight + borders}px`
  }, [value])
  return field
}
