import { useState } from 'react'
import type { Committee } from '../../doc/committeeDoc'
import { reportStorageError } from '../../device/storageHealth'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { formatDay } from './describeSource'
import { sendMeetingProposals } from './sendMeetingProposals'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

/** "Envoyer à la banque d'idées": pick a meeting of the committee and send its proposals. */
export function FromMeetingForm({
  committee,
  session,
}: {
  committee: Committee
  session: MeetingSession
}) {
  const [meetingId, setMeetingId] = useState(committee.meetings[0]?.id ?? '')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<string | null>(null)
  const meeting = committee.meetings.find((candidate) => candidate.id === meetingId)
  const send = async () => {
    if (!meeting) return
    setBusy(true)
    setOutcome(null)
    try {
      const sent = await sendMeetingProposals(session, meeting)
      setOutcome(sent ? t.ideas.sent(sent.added, sent.already) : t.ideas.notOnDevice)
    } catch (error) {
      reportStorageError(error)
      setOutcome(t.ideas.sendFailed)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="idea-collect__meeting" data-testid="ideas-from-meeting">
      <h3>{t.ideas.fromMeetingTitle}</h3>
      <p className="help">{t.ideas.fromMeetingHelp}</p>
      {committee.meetings.length === 0 ? (
        <p className="help">{t.ideas.noMeetings}</p>
      ) : (
        <div className="inline-form">
          <Field label={t.ideas.meeting}>
            <select value={meetingId} onChange={(event) => setMeetingId(event.target.value)}>
              {committee.meetings.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title} ({formatDay(candidate.date)})
                </option>
              ))}
            </select>
          </Field>
          <Button disabled={busy || !meeting} onClick={() => void send()}>
            {busy ? t.ideas.sending : t.ideas.send}
          </Button>
        </div>
      )}
      {outcome && <p role="status">{outcome}</p>}
    </section>
  )
}
