import type { Atelier } from '../../doc/ateliers'
import type { Meeting } from '../../doc/meetingDoc'
import { useNow } from '../../hooks/useNow'
import { t } from '../../text/strings'
import { atelierSchedule } from '../../doc/schedule'
import { formatTime } from '../../text/formatDate'

/** Time left for the whole atelier, against the schedule set when its first step started. */
export function AtelierClock({
  meeting,
  atelier,
}: {
  meeting: Pick<Meeting, 'script'>
  atelier: Atelier
}) {
  const now = useNow(5_000)
  const { leftMs, plannedEnd, delayMs } = atelierSchedule(meeting.script, atelier, now)
  const delay = Math.round(delayMs / 60_000)
  return (
    <p className="atelier-clock" data-testid="atelier-clock">
      <strong>{t.atelier.atelierLeft(Math.ceil(leftMs / 60_000))}</strong>
      {plannedEnd !== null && <span> · {t.atelier.plannedEnd(formatTime(plannedEnd))}</span>}
      {delay > 0 && <span className="atelier-clock__late"> · {t.atelier.late(delay)}</span>}
    </p>
  )
}
