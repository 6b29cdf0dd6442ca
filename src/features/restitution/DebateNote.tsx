import { debateNoteKey, openDebateNote } from '../../doc/plenary'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { CollaborativeTextarea } from '../atelier/CollaborativeTextarea'
import { Button } from '../../ui/Button'

interface Props {
  session: MeetingSession
  itemId: string
  /** Whether the note exists in the document (see `openDebateNote` for when it does not). */
  exists: boolean
  open: boolean
}

/**
 * The debate notes of one proposal or group, typed by the coordinator while the room speaks.
 * A shared text: two coordinator devices can type in it at once, and the projector shows it
 * under the enlarged proposal.
 */
export function DebateNote({ session, itemId, exists, open }: Props) {
  return (
    <details className="debate-note" open={open}>
      <summary>{t.plenary.debateNotes}</summary>
      {exists ? (
        <CollaborativeTextarea
          session={session}
          noteKey={debateNoteKey(itemId)}
          label={t.plenary.notesLabel}
          placeholder={t.plenary.notesPlaceholder}
        />
      ) : (
        <Button secondary onClick={() => openDebateNote(session.doc, itemId)}>
          {t.plenary.openNotes}
        </Button>
      )}
    </details>
  )
}
