import { useRef, type FormEvent } from 'react'
import { useDraft } from '../../hooks/useDraft'
import { addProposal, PROPOSAL_MAX } from '../../doc/proposals'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { useAutoGrow } from '../../ui/useAutoGrow'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

interface Props {
  session: MeetingSession
  atelierId: string
  stepId: string | null
}

/** A large field to write down a proposal as the group words it. */
export function ProposalForm({ session, atelierId, stepId }: Props) {
  const [text, setText] = useDraft(`proposal:${session.roomId}:${atelierId}`)
  const field = useRef<HTMLTextAreaElement>(null)
  useAutoGrow(field, text)
  const tooLong = text.trim().length > PROPOSAL_MAX
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim() || tooLong) return
    addProposal(session.doc, {
      atelierId,
      text,
      authorRole: 'reporter',
      stepId,
      debateNote: session.access === 'write',
    })
    setText('')
    // The next proposal comes right after: keep typing where the last one was written.
    field.current?.focus()
  }
  return (
    <form className="proposal-form" onSubmit={submit}>
      <Field label={t.atelier.newProposal}>
        <textarea
          ref={field}
          value={text}
          rows={3}
          placeholder={t.atelier.placeholder}
          onChange={(event) => setText(event.target.value)}
          data-testid="proposal-input"
        />
      </Field>
      {tooLong && <p className="field__error">{t.atelier.tooLong(PROPOSAL_MAX)}</p>}
      <Button large type="submit" disabled={!text.trim() || tooLong}>
        {t.atelier.add}
      </Button>
    </form>
  )
}
