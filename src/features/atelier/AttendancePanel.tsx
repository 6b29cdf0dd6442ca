import { adjustAttendance, COLLEGES, emptyAttendance } from '../../doc/attendance'
import type { Meeting } from '../../doc/meetingDoc'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

interface Props {
  meeting: Pick<Meeting, 'attendance'>
  session: MeetingSession
  atelierId: string
}

/** Who is in the room, by collège: thumb-sized steppers, counts only. */
export function AttendancePanel({ meeting, session, atelierId }: Props) {
  const counts = meeting.attendance[atelierId] ?? emptyAttendance()
  const total = COLLEGES.reduce((sum, college) => sum + counts[college], 0)
  return (
    <section className="card attendance">
      <h2>{t.atelier.attendance}</h2>
      <p className="help">{t.atelier.attendanceHelp}</p>
      <ul className="steppers">
        {COLLEGES.map((college) => {
          const label = t.atelier.colleges[college]
          return (
            <li key={college} className="stepper" data-testid={`attendance-${college}`}>
              <span className="stepper__label">{label}</span>
              <Button
                secondary
                className="stepper__button"
                aria-label={t.atelier.decrement(label)}
                disabled={counts[college] === 0}
                onClick={() => adjustAttendance(session.doc, atelierId, college, -1)}
              >
                −
              </Button>
              <output className="stepper__count">{counts[college]}</output>
              <Button
                className="stepper__button"
                aria-label={t.atelier.increment(label)}
                onClick={() => adjustAttendance(session.doc, atelierId, college, 1)}
              >
                +
              </Button>
            </li>
          )
        })}
      </ul>
      <p className="attendance__total">{t.atelier.total(total)}</p>
    </section>
  )
}
