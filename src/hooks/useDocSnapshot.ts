import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/** A counter per document, bumped by one 'update' listener registered the first time it is asked. */
const versions = new WeakMap<Y.Doc, { value: number }>()

/**
 * How many updates `doc` has applied since it was first asked about. Comparing two versions
 * tells whether the document changed in between, whoever was listening at the time: a snapshot
 * cached at version N is stale as soon as the document is past N, even if the update landed
 * before any component subscribed (the first-join race: the relay's update arriving between a
 * screen's first render and React's subscription left tablets on "waiting for the meeting").
 *
 * @example
 *   const before = docVersion(doc)
 *   // … later
 *   if (docVersion(doc) !== before) reread()
 */
export function docVersion(doc: Y.Doc): number {
  let version = versions.get(doc)
  if (!version) {
    const counter = { value: 0 }
    doc.on('update', () => {
      counter.value += 1
    })
    versions.set(doc, counter)
    version = counter
  }
  return version.value
}

/**
 * Reads a Yjs document as an immutable snapshot. `read` runs again only after the document
 * changed, so renders in between get the same object and React skips work.
 *
 * @example
 *   const meeting = useDocSnapshot(session.doc, readMeeting)
 */
export function useDocSnapshot<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const subscribe = useMemo(() => subscribeToDoc(doc), [doc])
  const getSnapshot = useMemo(() => snapshotReader(doc, read), [doc, read])
  return useSyncExternalStore(subscribe, getSnapshot)
}

function subscribeToDoc(doc: Y.Doc) {
  return (onChange: () => void) => {
    // The counter's listener must run before `onChange`, which reads the new version.
    docVersion(doc)
    doc.on('update', onChange)
    return () => doc.off('update', onChange)
  }
}

function snapshotReader<T>(doc: Y.Doc, read: (doc: Y.Doc) => T) {
  let cached: { version: number; value: T } | null = null
  return (): T => {
    const version = docVersion(doc)
    if (cached?.version === version) return cached.value
    const value = read(doc)
    cached = { version, value }
    return value
  }
}
