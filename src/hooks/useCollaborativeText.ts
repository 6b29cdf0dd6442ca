import { useCallback, useRef, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import { diffText, editNote, noteText } from '../doc/notes'
import type { MeetingSession } from '../sync/meetingSession'

/**
 * Binds a text field to a collaborative note. Each change typed here becomes the smallest
 * insert/delete on the shared text, so two tablets typing in the same note both keep every
 * character. When the other tablet types, `value` changes and `selectionAfterRemote` tells
 * where this device's cursor moved to, so the field can keep it in place.
 *
 * @example
 *   const note = useCollaborativeText(session, key)
 *   <textarea value={note.value} onChange={(e) => note.change(e.target.value)} />
 */
export function useCollaborativeText(session: MeetingSession, key: string) {
  const text = noteText(session.doc, key)
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!text) return () => undefined
      text.observe(onChange)
      return () => text.unobserve(onChange)
    },
    [text],
  )
  const value = useSyncExternalStore(subscribe, () => text?.toString() ?? '')
  const cursor = useRef<{ start: Y.RelativePosition; end: Y.RelativePosition } | null>(null)

  const change = useCallback(
    (next: string) => {
      if (!text) return
      editNote(session.doc, key, diffText(text.toString(), next))
    },
    [session.doc, key, text],
  )

  /**
   * Remember the cursor as positions relative to the text, which survive remote edits. They
   * stick to the character before the cursor (assoc −1): when the other tablet types at the
   * same place, this tablet goes on after its own last character instead of after theirs, so
   * two people typing at once never interleave letter by letter.
   */
  const rememberSelection = useCallback(
    (start: number, end: number) => {
      if (!text) return
      cursor.current = {
        start: Y.createRelativePositionFromTypeIndex(text, start, -1),
        end: Y.createRelativePositionFromTypeIndex(text, end, -1),
      }
    },
    [text],
  )

  const selectionAfterRemote = useCallback((): [number, number] | null => {
    const saved = cursor.current
    if (!saved) return null
    const start = Y.createAbsolutePositionFromRelativePosition(saved.start, session.doc)
    const end = Y.createAbsolutePositionFromRelativePosition(saved.end, session.doc)
    return start && end ? [start.index, end.index] : null
  }, [session.doc])

  return { value, available: text !== undefined, change, rememberSelection, selectionAfterRemote }
}
