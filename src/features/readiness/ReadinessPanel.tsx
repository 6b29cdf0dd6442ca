import type { Meeting } from '../../doc/meetingDoc'
import { skippedIn } from '../../doc/untrusted'
import type { MeetingSession } from '../../sync/meetingSession'
import { formatAgo } from '../../text/formatAgo'
import { t } from '../../text/strings'
import { useNow } from '../../hooks/useNow'
import { isReady, readinessChecks } from './readinessChecks'
import { useReadiness } from './useReadiness'
import './readiness.css'

const MARK = { ok: '✓', warning: '!', missing: '✗', pending: '…' } as const

/** "Prêt pour la soirée": what this device can promise for an evening without network. */
export function ReadinessPanel({
  meeting,
  session,
}: {
  meeting: Pick<Meeting, 'script'>
  session: MeetingSession
}) {
  const facts = useReadiness(session, meeting.script.length > 0)
  const checks = readinessChecks(facts)
  const now = useNow(30_000)
  const ready = isReady(checks)
  // Read after the meeting snapshot above, whose readers count what they skip.
  const skipped = skippedIn(session.doc)
  return (
    <section className="card readiness" data-testid="readiness" data-ready={ready}>
      <h2>{t.readiness.title}</h2>
      <p className={`readiness__verdict readiness__verdict--${ready ? 'ok' : 'missing'}`}>
        {ready ? t.readiness.ready : t.readiness.notReady}
      </p>
      <ul className="checks">
        {checks.map((check) => (
          <li
            key={check.id}
            className={`check check--${check.state}`}
            data-check={check.id}
            data-state={check.state}
          >
            <span className="check__mark" aria-hidden="true">
              {MARK[check.state]}
            </span>
            <span>
              {check.id === 'sync'
                ? t.readiness.sync(formatAgo(facts.lastSyncedAt, now))
                : t.readiness[check.id][check.state]}
            </span>
          </li>
        ))}
      </ul>
      {skipped > 0 && (
        <p className="notice-inline" data-testid="skipped-entries">
          {t.readiness.skipped(skipped)}
        </p>
      )}
    </section>
  )
}
