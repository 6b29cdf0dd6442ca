import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

/** Rows drawn beyond each edge of the visible window, so a fast flick never shows a blank. */
const OVERSCAN = 6
/** Height assumed before the first measure (a tablet's list area). */
const FALLBACK_HEIGHT = 600
/** Space above the first row (px), inside the scrolling box. */
const TOP_GAP = 8

interface Props<T> {
  items: readonly T[]
  /** Every row's height in px, fixed: what makes the window a simple division. */
  rowHeight: number
  keyOf: (item: T) => string
  renderRow: (item: T, index: number) => ReactNode
  label: string
  testId?: string
}

/**
 * A list that draws only the rows in view (plus a few): a bank of 1,000 ideas costs the same
 * to render and scroll as one of 20. Rows have one fixed height (text clamped), so the window
 * is found by division, with no measuring of rows. The list scrolls inside its own box
 * (at most 65 % of the screen's height), the page around it stays put.
 */
export function VirtualList<T>({ items, rowHeight, keyOf, renderRow, label, testId }: Props<T>) {
  const box = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(FALLBACK_HEIGHT)
  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    const measure = () => setHeight(element.clientHeight || FALLBACK_HEIGHT)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN)
  return (
    <div
      ref={box}
      className="virtual-list"
      role="list"
      aria-label={label}
      data-testid={testId}
      style={{
        maxHeight: `min(65vh, ${items.length * rowHeight + TOP_GAP}px)`,
        paddingTop: TOP_GAP,
      }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div className="virtual-list__space" style={{ height: items.length * rowHeight }}>
        {items.slice(first, last).map((item, offset) => (
          <div
            key={keyOf(item)}
            role="listitem"
            className="virtual-list__row"
            style={{
              transform: `translateY(${(first + offset) * rowHeight}px)`,
              height: rowHeight,
            }}
          >
            {renderRow(item, first + offset)}
          </div>
        ))}
      </div>
    </div>
  )
}
