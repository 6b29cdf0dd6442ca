import { useState } from 'react'

export interface Page {
  index: number
  count: number
  start: number
  end: number
  go: (index: number) => void
}

/**
 * Paging through a long list (`total` entries, `size` a page); back to the first page when
 * `resetKey` changes (a new filter), and never past the last page when the list shrinks.
 *
 * @example
 *   const page = usePage(items.length, 20, filter)
 *   items.slice(page.start, page.end).map(…)  then  <Pager page={page} />
 */
export function usePage(total: number, size: number, resetKey: string): Page {
  const [state, setState] = useState({ index: 0, key: resetKey })
  const count = Math.max(1, Math.ceil(total / size))
  const index = state.key === resetKey ? Math.min(state.index, count - 1) : 0
  return {
    index,
    count,
    start: index * size,
    end: Math.min(total, (index + 1) * size),
    go: (next) => setState({ index: Math.max(0, Math.min(count - 1, next)), key: resetKey }),
  }
}
