import { useState } from 'react'
import type { Atelier } from '../../doc/ateliers'
import type { Meeting } from '../../doc/meetingDoc'
import { noteKey } from '../../doc/notes'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { CollaborativeTextarea } from './CollaborativeTextarea'

interface Props {
  meeting: Pick<Meeting, 'script'>
  session: MeetingSession
  atelier: Atelier
}

/** The rapporteur's notes, one per question, for the step the group is on (or another). */
export function NotesPanel({ meeting, session, atelier }: Props) {
  const [chosenStepId, setChosenStepId] = useState<string | null>(null)
  const stepId = chosenStepId ?? atelier.currentStepId ?? meeting.script[0]?.id
  const step = meeting.script.find((candidate) => candidate.id === stepId)
  return (
    <section className="card notes">
      <h2>{t.atelier.notes}</h2>
      <p className="help" data-testid="notes-privacy">
        {t.atelier.notesPrivacy}
      </p>
      <div className="chips" role="group" aria-label={t.atelier.notesFor}>
        {meeting.script.map((candidate, index) => (
          <button
            key={candidate.id}
            type="button"
            className={`chip${candidate.id === stepId ? ' chip--active' : ''}`}
            aria-pressed={candidate.id === stepId}
            onClick={() => setChosenStepId(candidate.id)}
          >
            {index + 1}. {candidate.title}
          </button>
        ))}
      </div>
      {step?.questions.map((question) => (
        <CollaborativeTextarea
          key={question.id}
          session={session}
          noteKey={noteKey(atelier.id, step.id, question.id)}
          label={question.text}
          placeholder={t.atelier.notePlaceholder}
        />
      ))}
    </section>
  )
}
