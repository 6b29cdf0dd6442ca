import { useRef } from 'react'
import type * as Y from 'yjs'
import { cachedMeetingReader, hasMeeting, type Meeting } from '../doc/meetingDoc'
import { useDocSnapshot } from './useDocSnapshot'

/**
 * What a screen reads of the meeting, re-rendering it only when that changes. `select` picks
 * parts of the snapshot (or values derived from them); its result is compared with the previous
 * one member by member (structural sharing, one level deep), and the previous one is kept when
 * they are the same. As `cachedMeetingReader` keeps the identity of every part whose Yjs roots
 * did not change, a keystroke in a note re-renders only the screens that select notes.
 *
 * Built on `useDocSnapshot`: selected again only after the document changed (or when `select`
 * is a new function), and an update that arrived before the subscription is seen at once.
 *
 * @example
 *   const { plenary, votes } = useMeetingPart(session.doc, (m) => ({ plenary: m.plenary, votes: m.votes }))
 */
export function useMeetingPart<T>(doc: Y.Doc, select: (meeting: Meeting) => T): T {
  return useDocView(doc, (current) => select(cachedMeetingReader(current)()))
}

/**
 * `useMeetingPart` for the one place that waits for the meeting: `null` until the document
 * holds one (loading from this device, or, on a device that just joined, from the relay).
 */
export function useMeetingPartOnceThere<T>(doc: Y.Doc, select: (meeting: Meeting) => T): T | null {
  return useDocView(doc, (current) =>
    hasMeeting(current) ? select(cachedMeetingReader(current)()) : null,
  )
}

/** Picks whole parts of the meeting by name: `pick(['plenary', 'votes'])`. */
export function pick<K extends keyof Meeting>(keys: readonly K[]) {
  return (meeting: Meeting): Pick<Meeting, K> => {
    const picked = {} as Pick<Meeting, K>
    for (const key of keys) picked[key] = meeting[key]
    return picked
  }
}

/** `useDocSnapshot` with structural sharing: a result shaped like the last one is the last one. */
function useDocView<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const last = useRef<{ value: T } | null>(null)
  const shared = (current: Y.Doc) => {
    const next = read(current)
    const previous = last.current
    if (previous && sameShape(previous.value, next)) return previous.value
    last.current = { value: next }
    return next
  }
  return useDocSnapshot(doc, shared)
}

/** Equal, or arrays / plain objects whose members are each identical. */
export function sameShape(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}
