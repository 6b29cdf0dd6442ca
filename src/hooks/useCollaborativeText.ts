import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type RefObject,
} from 'react'
import type * as Y from 'yjs'
import {
  diffText,
  editNote,
  noteText,
  rebaseChange,
  shiftCaret,
  type TextDelta,
} from '../doc/notes'
import type { MeetingSession } from '../sync/meetingSession'

/**
 * Binds the textarea in `field` to a collaborative note. Each change typed there becomes the
 * smallest insert/delete on the shared text, so two tablets typing in the same note both keep
 * every character. When someone else changes the note, the field shows it and this device's
 * caret stays where it was in the text, so both can write at once without their words
 * interleaving. While an input method composes (a dead key's accent, dictation, a predictive
 * keyboard's word), the field keeps its own text: rewriting it would end the composition, so
 * others' changes wait, and the composed text is shared when it ends.
 *
 * @example
 *   const field = useRef<HTMLTextAreaElement>(null)
 *   const note = useCollaborativeText(session, key, field)
 *   <textarea ref={field} value={note.value} onChange={(e) => note.change(e.target.value)} />
 */
export function useCollaborativeText(
  session: MeetingSession,
  key: string,
  field: RefObject<HTMLTextAreaElement | null>,
) {
  const text = noteText(session.doc, key)
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!text) return () => undefined
      text.observe(onChange)
      return () => text.unobserve(onChange)
    },
    [text],
  )
  const shared = useSyncExternalStore(subscribe, () => text?.toString() ?? '')
  /** The field's own text while an input method composes in it, shown instead of `shared`. */
  const [draft, setDraft] = useState<string | null>(null)
  const composing = useRef(false)
  /** What the field held at its last render showing `shared`: what the person saw when they typed. */
  const shown = useRef(shared)
  /** Others' changes to the note that the field does not show yet. */
  const unshown = useRef<TextDelta[]>([])
  /** Where the caret goes once the field shows them. */
  const caret = useRef<[number, number] | null>(null)
  /** This field's own edit is being applied: the field shows it already. */
  const typing = useRef(false)

  // Every other change is seen here before React re-renders, while the field still holds the
  // text and caret the person was looking at: that caret, moved through the change, is where
  // it belongs afterwards. Remembering it on key or click events instead missed a field
  // focused but not typed in yet, whose caret then jumped to the end of the text.
  useLayoutEffect(() => {
    if (!text) return
    const observe = (event: Y.YTextEvent) => {
      if (typing.current) return
      unshown.current.push(event.delta)
      // Mid-composition the caret is the input method's; where it goes is known when it ends.
      if (composing.current) return
      const element = field.current
      // A field without focus has no caret in use: the next tap places it.
      if (!element || element.ownerDocument.activeElement !== element) return
      const [start, end] = caret.current ?? [element.selectionStart, element.selectionEnd]
      caret.current = [shiftCaret(start, event.delta), shiftCaret(end, event.delta)]
    }
    text.observe(observe)
    return () => text.unobserve(observe)
  }, [text, field])

  // React has just written `shared` into the field, which puts the caret at its end.
  useLayoutEffect(() => {
    if (draft !== null) return
    shown.current = shared
    unshown.current = []
    const element = field.current
    const next = caret.current
    caret.current = null
    if (next && element && element.ownerDocument.activeElement === element)
      element.setSelectionRange(next[0], next[1], element.selectionDirection)
  }, [shared, draft, field])

  const share = useCallback(
    (next: string) => {
      if (!text) return
      // The keystroke changed what the field showed, which may be older than the shared text:
      // only what was shown can be deleted, and what came since stays.
      const typed = diffText(shown.current, next)
      const { edits, at } = rebaseChange(typed, shown.current.length, unshown.current)
      typing.current = true
      try {
        editNote(session.doc, key, ...edits)
      } finally {
        typing.current = false
      }
      if (unshown.current.length === 0) return
      const element = field.current
      if (!typed.insert && typed.deleteCount === 0) {
        // Nothing typed (an empty composition): the diff's index is the text's end, not the
        // caret, so the caret only moves through others' changes.
        const through = (index: number) =>
          unshown.current.reduce((moved, delta) => shiftCaret(moved, delta), index)
        const [start, end] = [element?.selectionStart ?? 0, element?.selectionEnd ?? 0]
        caret.current = [through(start), through(end)]
        return
      }
      // The field will show the shared text: its caret keeps its place in what was typed.
      const caretInTyped = (element?.selectionEnd ?? Infinity) - typed.index
      const after = at + Math.max(0, Math.min(caretInTyped, typed.insert.length))
      caret.current = [after, after]
    },
    [session.doc, key, text, field],
  )

  useLayoutEffect(() => {
    const element = field.current
    if (!element) return
    const start = () => {
      composing.current = true
      setDraft(element.value)
    }
    const end = () => {
      composing.current = false
      share(element.value)
      setDraft(null)
    }
    element.addEventListener('compositionstart', start)
    element.addEventListener('compositionend', end)
    return () => {
      element.removeEventListener('compositionstart', start)
      element.removeEventListener('compositionend', end)
    }
  }, [field, share])

  const change = useCallback(
    (next: string) => (composing.current ? setDraft(next) : share(next)),
    [share],
  )

  return { value: draft ?? shared, available: text !== undefined, change }
}
