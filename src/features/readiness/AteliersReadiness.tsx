import { lastSeenByAtelier } from '../../doc/devices'
import type { Meeting } from '../../doc/meetingDoc'
import { useNow } from '../../hooks/useNow'
import { formatAgo } from '../../text/formatAgo'
import { t } from '../../text/strings'
import './readiness.css'

/**
 * For the coordinator: has a tablet joined each atelier, and when did it last sync? (The
 * projector holds a read-only link, so it cannot report itself.)
 */
export function AteliersReadiness({ meeting }: { meeting: Meeting }) {
  const now = useNow(30_000)
  const lastSeen = lastSeenByAtelier(meeting.devices)
  const countOf = (atelierId: string) =>
    meeting.devices.filter((d) => d.atelierId === atelierId).length
  return (
    <section className="card">
      <h2>{t.readiness.ateliersTitle}</h2>
      <ul className="checks">
        {meeting.ateliers.map((atelier) => {
          // 0 is a time too (a tablet whose clock reads 1970 has joined all the same).
          const seen = lastSeen[atelier.id]
          const joined = seen !== undefined
          return (
            <li
              key={atelier.id}
              className={`check check--${joined ? 'ok' : 'missing'}`}
              data-testid="atelier-readiness"
            >
              <span className="check__mark" aria-hidden="true">
                {joined ? '✓' : '✗'}
              </span>
              <span>
                <strong>{atelier.name}</strong> —{' '}
                {joined
                  ? t.readiness.devicesJoined(countOf(atelier.id), formatAgo(seen, now))
                  : t.readiness.noDevice}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
