import { useLayoutEffect, type RefObject } from 'react'
import { gridCandidates } from './wallLayout'

export interface FitOptions {
  /** Smallest and largest type, in hundredths of the projection's height (cqh). */
  min: number
  max: number
  /** For a grid of cards: how many, so a few grid shapes are tried (see `gridCandidates`). */
  cards?: number
  /** Fits again whenever this changes (the content). */
  content: unknown
}

/** Steps of the search: the type ends within (max − min) / 2⁸ of the largest that fits. */
const SEARCH_STEPS = 8

/**
 * Gives the text inside `ref` the largest size at which nothing overflows: every element marked
 * `data-fit` inside it must show all its content with no scrolling, as the back of the room
 * cannot scroll. The size is one CSS variable (`--fit`, a number of cqh) searched by halving,
 * measured before the browser paints — no React render per try, no flicker. With `cards`, the
 * grid's shape (`--cols`, `--rows`) is chosen the same way, for the largest type. Runs again
 * when the content changes or the projection is resized.
 *
 * @example
 *   const ref = useRef<HTMLDivElement>(null)
 *   useFitText(ref, { min: 1.8, max: 7, cards: cards.length, content: meeting })
 */
export function useFitText(ref: RefObject<HTMLElement | null>, options: FitOptions): void {
  const { min, max, cards, content } = options
  useLayoutEffect(() => {
    const root = ref.current
    if (!root) return
    const fit = () => fitInto(root, min, max, cards)
    fit()
    if (typeof ResizeObserver === 'undefined') return
    // The root's size is set by the screen, not by its text: fitting never resizes it.
    const observer = new ResizeObserver(fit)
    observer.observe(root)
    return () => observer.disconnect()
  }, [ref, min, max, cards, content])
}

function overflowing(boxes: HTMLElement[]): boolean {
  const wider = (element: Element) => element.scrollWidth > element.clientWidth + 1
  return boxes.some(
    (box) =>
      box.scrollHeight > box.clientHeight + 1 ||
      wider(box) ||
      // Inside too: a word wider than its line may reach into the padding of its box (or
      // widen a list's track), which the box's own scroll size does not count.
      Array.from(box.querySelectorAll('*')).some(wider),
  )
}

function largestFitting(root: HTMLElement, boxes: HTMLElement[], min: number, max: number) {
  root.style.setProperty('--fit', String(max))
  if (!overflowing(boxes)) return max
  let low = min
  let high = max
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const middle = (low + high) / 2
    root.style.setProperty('--fit', String(middle))
    if (overflowing(boxes)) high = middle
    else low = middle
  }
  return low
}

function fitInto(root: HTMLElement, min: number, max: number, cards: number | undefined) {
  const boxes = Array.from(root.querySelectorAll<HTMLElement>('[data-fit]'))
  if (boxes.length === 0) return
  const shapes = cards === undefined ? [null] : gridCandidates(cards)
  let best: { shape: (typeof shapes)[number]; size: number } | null = null
  for (const shape of shapes) {
    if (shape) {
      root.style.setProperty('--cols', String(shape.cols))
      root.style.setProperty('--rows', String(shape.rows))
    }
    const size = largestFitting(root, boxes, min, max)
    // A clearly larger type wins; otherwise the earlier shape (fewer rows, longer lines).
    if (best === null || size > best.size * 1.04) best = { shape, size }
  }
  if (best === null) return
  if (best.shape) {
    root.style.setProperty('--cols', String(best.shape.cols))
    root.style.setProperty('--rows', String(best.shape.rows))
  }
  root.style.setProperty('--fit', String(best.size))
}
