import { useCallback, useRef, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * Reads a Yjs document as an immutable snapshot. `read` runs again only after the document
 * changed, so renders in between get the same object and React skips work.
 *
 * @example
 *   const meeting = useDocSnapshot(session.doc, readMeeting)
 */
export function useDocSnapshot<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const cache = useRef<{ doc: Y.Doc; version: number; value: T } | null>(null)
  const version = useRef(0)
  const subscribe = useCallback(
    (onChange: () => void) => {
      const onUpdate = () => {
        version.current += 1
        onChange()
      }
      doc.on('update', onUpdate)
      return () => doc.off('update', onUpdate)
    },
    [doc],
  )
  const getSnapshot = useCallback(() => {
    const cached = cache.current
    if (cached && cached.doc === doc && cached.version === version.current) return cached.value
    const value = read(doc)
    cache.current = { doc, version: version.current, value }
    return value
  }, [doc, read])
  return useSyncExternalStore(subscribe, getSnapshot)
}
