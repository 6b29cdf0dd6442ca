import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type RefObject,
} from 'react'
import type * as Y from 'yjs'
import { diffText, editNote, noteText } from '../doc/notes'
import { rebaseChange, shiftSelection, stringChange, type TextDelta } from '../doc/textRuns'
import type { MeetingSession } from '../sync/meetingSession'

/**
 * Binds the textarea in `field` to a collaborative note. Each change typed there becomes the
 * smallest insert/delete on the shared text, so two tablets typing in the same note both keep
 * every character. When someone else changes the note, the field shows it and this device's
 * caret stays where it was in the text, so both can write at once without their words
 * interleaving. While an input method composes (a dead key's accent, dictation, a predictive
 * keyboard's word), the field keeps its own text: rewriting it would end the composition, so
 * others' changes wait, and the composed text is shared when it ends — or when the field goes
 * away first (another step, screen or atelier), since what it shows is what the person wrote.
 * The field shows the note's characters only (see `textRuns.ts` for what else a hostile note
 * may hold).
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
  /**
   * The text the field holds, outside a composition: what the person saw when they typed. It is
   * `shared` as last rendered, or what was typed since, until React renders again.
   */
  const shown = useRef(shared)
  /** The changes from `shown` to the shared text: others' the field does not show yet. */
  const unshown = useRef<TextDelta[]>([])
  /** The field's selection in `shown`, to move through `unshown` when React rewrites the field. */
  const caret = useRef<[number, number] | null>(null)
  /** This field's own edit is being applied: `share` has accounted for it. */
  const typing = useRef(false)

  /** The field's selection, if it is focused: a field without focus has no caret in use. */
  const selection = useCallback((): [number, number] | null => {
    const element = field.current
    if (!element || element.ownerDocument.activeElement !== element) return null
    return [element.selectionStart, element.selectionEnd]
  }, [field])

  // Every other change is seen here before React re-renders, while the field still holds the
  // text and caret the person was looking at: that caret, moved through the change, is where
  // it belongs afterwards. Remembering it on key or click events instead missed a field
  // focused but not typed in yet, whose caret then jumped to the end of the text.
  useLayoutEffect(() => {
    if (!text) return
    const observe = (event: Y.YTextEvent) => {
      if (typing.current) return
      const delta = stringChange(event)
      if (delta.length === 0) return // formatting or embeds: nothing the field shows
      unshown.current.push(delta)
      // Mid-composition the caret is the input method's; where it goes is known when it ends.
      if (!composing.current) caret.current = selection()
    }
    text.observe(observe)
    return () => text.unobserve(observe)
  }, [text, selection])

  // React has just written `shared` into the field, which puts the caret at its end.
  useLayoutEffect(() => {
    if (draft !== null) return
    const element = field.current
    const before = caret.current
    caret.current = null
    if (before && element && element.ownerDocument.activeElement === element) {
      const [start, end] = unshown.current.reduce(shiftSelection, before)
      element.setSelectionRange(start, end, element.selectionDirection)
    }
    shown.current = shared
    unshown.current = []
  }, [shared, draft, field])

  const share = useCallback(
    (next: string) => {
      if (!text) return
      // The keystroke changed what the field showed, which may be older than the shared text:
      // only what was shown can be deleted, and what came since stays.
      const typed = diffText(shown.current, next)
      const { edits, rest } = rebaseChange(typed, shown.current.length, unshown.current)
      typing.current = true
      try {
        if (!editNote(session.doc, key, ...edits)) return
      } finally {
        typing.current = false
      }
      // The field holds `next` until React renders the shared text: a change typed before then
      // (a second input event of one composition's end) is a change of `next`.
      shown.current = next
      unshown.current = rest.length > 0 ? [rest] : []
      // Where React's rewrite of the field must put the selection back: a range stays a range,
      // as WebKit ends a composition by replacing the selected composed text after this.
      caret.current = rest.length > 0 ? selection() : null
    },
    [session.doc, key, text, selection],
  )

  // Composition events are not React's: its onChange goes on during a composition.
  useLayoutEffect(() => {
    const element = field.current
    if (!element) return
    const start = () => {
      composing.current = true
      setDraft(element.value)
    }
    // Chromium ends a composition after its last input event; WebKit before it, with the
    // composed text still selected, then replaces it with the committed text (an input event
    // `change` shares like any other).
    const end = () => {
      if (!composing.current) return
      composing.current = false
      share(element.value)
      setDraft(null)
    }
    element.addEventListener('compositionstart', start)
    element.addEventListener('compositionend', end)
    return () => {
      element.removeEventListener('compositionstart', start)
      element.removeEventListener('compositionend', end)
      // The field goes away (or to another note) mid-composition: what it shows is kept.
      end()
    }
  }, [field, share])

  const change = useCallback(
    (next: string) => (composing.current ? setDraft(next) : share(next)),
    [share],
  )

  return { value: draft ?? shared, available: text !== undefined, change }
}
