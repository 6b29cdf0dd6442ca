import { setRetained } from '../../doc/votes'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

interface Props {
  session: MeetingSession
  itemId: string
  retained: boolean
  /** What it retains, for a screen reader going from button to button down the list. */
  text: string
}

/**
 * "Retenir en plénière", beside the vote it follows from: the same toggle on each vote row and
 * each ranking line, so the coordinator retains where the result is read, with no separate step.
 */
export function RetainButton({ session, itemId, retained, text }: Props) {
  return (
    <Button
      secondary={retained}
      aria-pressed={retained}
      aria-label={`${retained ? t.plenary.unretain : t.plenary.retain} : ${text}`}
      onClick={() => setRetained(session.doc, itemId, !retained)}
      data-testid="retain"
    >
      {retained ? t.plenary.unretain : t.plenary.retain}
    </Button>
  )
}
