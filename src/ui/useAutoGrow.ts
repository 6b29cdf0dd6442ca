import { useLayoutEffect, type RefObject } from 'react'

/**
 * Makes the textarea in `field` grow as tall as its text, so a long note is read whole instead of
 * scrolled inside a small box (on a tablet, scrolling inside a field fights the page's own
 * scrolling). Its `rows` stays the minimum height.
 *
 * @example
 *   const field = useRef<HTMLTextAreaElement>(null)
 *   useAutoGrow(field, value)
 *   return <textarea ref={field} value={value} rows={3} … />
 */
export function useAutoGrow(field: RefObject<HTMLTextAreaElement | null>, value: string): void {
  useLayoutEffect(() => {
    const element = field.current
    if (!element) return
    element.style.setProperty('height', 'auto')
    const borders = element.offsetHeight - element.clientHeight
    element.style.setProperty('height', `${element.scrollHeight + borders}px`)
  }, [field, value])
}
