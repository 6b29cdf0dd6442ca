import { useCallback, type RefCallback } from 'react'
import { gridCandidates, type GridShape } from './wallLayout'

export interface FitOptions {
  /** Smallest and largest type, in hundredths of the projection's height (cqh). */
  min: number
  max: number
  /** For a grid of cards: how many, so a few grid shapes are tried (see `gridCandidates`). */
  cards?: number
}

/** Precision of the search: the type ends within (max − min) / 2⁸ of the largest that fits. */
const SEARCH_STEPS = 8
/** How far above its estimate the search looks first: estimates are right within a few %. */
const ESTIMATE_MARGIN = 0.03
/** Another grid shape wins only with a type clearly larger than the best so far. */
const CLEARLY_LARGER = 1.04

/**
 * Gives the text inside the element the largest size at which nothing overflows: every element
 * marked `data-fit` inside it must show all its content with no scrolling, as the back of the
 * room cannot scroll. The size is one CSS variable (`--fit`, a number of cqh) searched by
 * halving (from an estimate), measured before the browser paints — no React render per try, no flicker. With
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

/**
 * How far the worst box overflows at the current size: 1 or less when everything fits, else the
 * ratio of what it needs to what it has — in height for its lines, in width for a word wider
 * than its line (inside too: such a word may reach into the padding of its box, or widen a
 * list's track, which the box's own scroll size does not count).
 */
function overflow(boxes: Box[]): { height: number; width: number } {
  let height = 0
  let width = 0
  const wider = (element: Element) =>
    (width = Math.max(width, element.scrollWidth / (element.clientWidth + 1)))
  for (const { box, inner } of boxes) {
    height = Math.max(height, box.scrollHeight / (box.clientHeight + 1))
    wider(box)
    inner.forEach(wider)
  }
  return { height, width }
}

/**
 * Where the search looks first, from how far the text overflows at `size`: the lines' height
 * grows as the square of the type (more lines, each taller), a word's width as the type.
 */
function estimate(size: number, { height, width }: { height: number; width: number }) {
  return size * Math.min(1 / Math.sqrt(height), 1 / width)
}

/**
 * The largest size in [low, max] that fits, or `null` if even `low` overflows: within
 * (max − low) / 2^SEARCH_STEPS of it, as a search by halving would find it, but starting from
 * the size the overflow at `max` points to, so a few layouts do where ten did.
 */
function largestFitting(root: HTMLElement, boxes: Box[], low: number, max: number) {
  const precision = (max - low) / 2 ** SEARCH_STEPS
  let measured = { height: 0, width: 0 }
  const fits = (size: number) => {
    root.style.setProperty('--fit', String(size))
    measured = overflow(boxes)
    return measured.height <= 1 && measured.width <= 1
  }
  if (fits(max)) return max
  let high = max
  const guess = Math.min(max, Math.max(low, estimate(max, measured)))
  if (fits(guess)) {
    low = guess
    // The answer is usually just above the estimate: bracket it closely.
    const above = Math.min(high, guess * (1 + ESTIMATE_MARGIN))
    if (fits(above)) low = above
    else high = above
  } else {
    high = guess
    if (guess === low || !fits(low)) return null
  }
  while (high - low > precision) {
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
