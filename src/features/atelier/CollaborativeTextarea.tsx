import { useLayoutEffect, useRef } from 'react'
import { useCollaborativeText } from '../../hooks/useCollaborativeText'
import type { MeetingSession } from '../../sync/meetingSession'
import { useAutoGrow } from '../../ui/useAutoGrow'
import { Field } from '../../ui/Field'

interface Props {
  session: MeetingSession
  noteKey: string
  label: string
  placeholder: string
}

/**
 * A textarea on a shared note. When the other tablet types, the text updates in place and this
 * tablet's cursor stays where it was in the text, so both can write at once.
 */
export function CollaborativeTextarea({ session, noteKey, label, placeholder }: Props) {
  const note = useCollaborativeText(session, noteKey)
  const field = useAutoGrow(note.value)
  const typed = useRef<string | null>(null)

  // After a remote change, put the cursor back at the same place in the text.
  useLayoutEffect(() => {
    const element = field.current
    if (!element || document.activeElement !== element || typed.current === note.value) return
    const selection = note.selectionAfterRemote()
    if (selection) element.setSelectionRange(selection[0], selection[1])
  }, [note, field])

  const remember = () => {
    const element = field.current
    if (element) note.rememberSelection(element.selectionStart, element.selectionEnd)
  }

  return (
    <Field label={label}>
      <textarea
        ref={field}
        value={note.value}
        rows={4}
        placeholder={placeholder}
        disabled={!note.available}
        onChange={(event) => {
          typed.current = event.target.value
          note.change(event.target.value)
          remember()
        }}
        onSelect={remember}
        onKeyUp={remember}
        onClick={remember}
        data-testid="note-input"
      />
    </Field>
  )
}
