import { useRef } from 'react'
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
  const field = useRef<HTMLTextAreaElement>(null)
  const note = useCollaborativeText(session, noteKey, field)
  useAutoGrow(field, note.value)

  return (
    <Field label={label}>
      <textarea
        ref={field}
        value={note.value}
        rows={4}
        placeholder={placeholder}
        disabled={!note.available}
        onChange={(event) => note.change(event.target.value)}
        data-testid="note-input"
      />
    </Field>
  )
}
