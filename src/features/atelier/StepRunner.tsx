import { goToStep, type Atelier } from '../../doc/ateliers'
import type { Meeting } from '../../doc/meetingDoc'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { StepTimer } from './StepTimer'
import { Button } from '../../ui/Button'

interface Props {
  meeting: Pick<Meeting, 'script'>
  session: MeetingSession
  atelier: Atelier
}

/** The animateur's view: the current step large, its questions, its consigne, what comes next. */
export function StepRunner({ meeting, session, atelier }: Props) {
  const steps = meeting.script
  if (steps.length === 0) return <p className="notice">{t.atelier.noScript}</p>
  const index = Math.max(
    0,
    steps.findIndex((step) => step.id === atelier.currentStepId),
  )
  const step = steps[index]!
  const next = steps[index + 1]
  const go = (target: number) => goToStep(session.doc, atelier.id, steps[target]!.id)
  return (
    <div className="runner">
      <section className="card runner__step" data-testid="current-step">
        <p className="runner__counter">
          {t.atelier.step(index + 1, steps.length)} · {t.atelier.minutes(step.durationMinutes)}
        </p>
        <h2 className="runner__title">{step.title}</h2>
        <h3 className="runner__label">{t.atelier.questionsForGroup}</h3>
        <ul className="runner__questions">
          {step.questions.map((question) => (
            <li key={question.id}>{question.text}</li>
          ))}
        </ul>
        <aside className="runner__instructions">
          <h3 className="runner__label">{t.atelier.instructions}</h3>
          <p>{step.instructions}</p>
        </aside>
      </section>
      <div className="runner__side">
        <StepTimer session={session} atelier={atelier} step={step} />
        {/* Right under the timer: in landscape, below "Ensuite" they fell under the fold. */}
        <div className="runner__nav">
          <Button secondary disabled={index === 0} onClick={() => go(index - 1)}>
            {t.atelier.previousStep}
          </Button>
          <Button disabled={!next} onClick={() => go(index + 1)}>
            {t.atelier.nextStep}
          </Button>
        </div>
        <section className="card runner__next">
          <h3 className="runner__label">{t.atelier.next}</h3>
          <p>
            {next
              ? `${next.title} · ${t.atelier.minutes(next.durationMinutes)}`
              : t.atelier.lastStep}
          </p>
        </section>
      </div>
    </div>
  )
}
