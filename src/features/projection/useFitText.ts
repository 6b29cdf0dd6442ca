import { useCallback, type RefCallback } from 'react'
import { gridCandidates, type GridShape } from './wallLayout'

export interface FitOptions {
  /** Smallest and largest type, in hundredths of the projection's height (cqh). */
  min: number
  max: number
  /** For a grid of cards: how many, so a few grid shapes are tried (see `gridCandidates`). */
  cards?: number
}

/** Steps of the search: the type ends within (max − min) / 2⁸ of the largest that fits. */
const SEARCH_STEPS = 8
/** Another grid shape wins only with a type clearly larger than the best so far. */
const CLEARLY_LARGER = 1.04

/**
 * Gives the text inside the element the largest size at which nothing overflows: every element
 * marked `data-fit` inside it must show all its content with no scrolling, as the back of the
 * room cannot scroll. The size is one CSS variable (`--fit`, a number of cqh) searched by
 * halving, measured before the browser paints — no React render per try, no flicker. With
 * `cards`, the grid's shape (`--cols`, `--rows`) is chosen the same way, for the largest type.
 *
 * It fits when the element appears, then only when what it shows changes: a mutation of its
 * text or elements (a React render that changes nothing on screen mutates nothing, so costs no
 * measurement), or a new size of the element. One fit is one search, with one layout per step.
 *
 * @example
 *   const fitRef = useFitText({ min: 1.8, max: 7, cards: cards.length })
 *   return <div ref={fitRef}>{cards}</div>
 */
export function useFitText({ min, max, cards }: FitOptions): RefCallback<HTMLElement> {
  return useCallback(
    (root: HTMLElement | null) => {
      if (!root) return
      const fit = () => fitInto(root, min, max, cards)
      fit()
      let size = { width: root.clientWidth, height: root.clientHeight }
      // Fitting writes only `style` on the root: watching text, elements and classes below it
      // never sees its own writes.
      const mutations =
        typeof MutationObserver === 'undefined' ? null : new MutationObserver(() => fit())
      mutations?.observe(root, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['class'],
      })
      // The root's size is set by the screen, not by its text: fitting never resizes it.
      const resizes =
        typeof ResizeObserver === 'undefined'
          ? null
          : new ResizeObserver(() => {
              const now = { width: root.clientWidth, height: root.clientHeight }
              if (now.width === size.width && now.height === size.height) return
              size = now
              fit()
            })
      resizes?.observe(root)
      return () => {
        mutations?.disconnect()
        resizes?.disconnect()
      }
    },
    [min, max, cards],
  )
}

/** Every box that must not overflow, with what is inside it, gathered once per fit. */
interface Box {
  box: HTMLElement
  inner: Element[]
}

function overflowing(boxes: Box[]): boolean {
  const wider = (element: Element) => element.scrollWidth > element.clientWidth + 1
  return boxes.some(
    ({ box, inner }) =>
      box.scrollHeight > box.clientHeight + 1 ||
      wider(box) ||
      // Inside too: a word wider than its line may reach into the padding of its box (or
      // widen a list's track), which the box's own scroll size does not count.
      inner.some(wider),
  )
}

/** The largest size in [low, max] that fits, or `null` if even `low` overflows. */
function largestFitting(root: HTMLElement, boxes: Box[], low: number, max: number) {
  const fits = (size: number) => {
    root.style.setProperty('--fit', String(size))
    return !overflowing(boxes)
  }
  if (fits(max)) return max
  if (!fits(low)) return null
  let high = max
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const middle = (low + high) / 2
    if (fits(middle)) low = middle
    else high = middle
  }
  return low
}

function setShape(root: HTMLElement, shape: GridShape) {
  root.style.setProperty('--cols', String(shape.cols))
  root.style.setProperty('--rows', String(shape.rows))
}

function fitInto(root: HTMLElement, min: number, max: number, cards: number | undefined) {
  const boxes = Array.from(root.querySelectorAll<HTMLElement>('[data-fit]'), (box) => ({
    box,
    inner: Array.from(box.querySelectorAll('*')),
  }))
  if (boxes.length === 0) return
  if (cards === undefined) {
    root.style.setProperty('--fit', String(largestFitting(root, boxes, min, max) ?? min))
    return
  }
  let best: { shape: GridShape; size: number } | null = null
  for (const shape of gridCandidates(cards)) {
    setShape(root, shape)
    // A later shape must beat the best by a clear margin: one measurement at that size rules
    // out most shapes without a search. Otherwise the earlier shape (fewer rows, longer lines).
    const floor = best === null ? min : Math.min(best.size * CLEARLY_LARGER, max)
    if (best !== null && floor >= max) break
    const size = largestFitting(root, boxes, floor, max)
    if (size !== null && (best === null || size > floor)) best = { shape, size }
    else if (best === null) best = { shape, size: min }
  }
  if (best === null) return
  setShape(root, best.shape)
  root.style.setProperty('--fit', String(best.size))
}
