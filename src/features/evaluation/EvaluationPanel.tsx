import type { Committee } from '../../doc/committeeDoc'
import { FOLLOW_UP_STATUSES, readFollowUp } from '../../doc/followUp'
import { useDocSnapshot } from '../../hooks/useDocSnapshot'
import type { MeetingSession } from '../../sync/meetingSession'
import { formatShortDate } from '../../text/formatDate'
import { t } from '../../text/strings'
import { AttendanceChart } from './AttendanceChart'
import { chronological } from './meetingStats'
import { useCommitteeStats } from './useCommitteeStats'
import './evaluation.css'

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`)

/** How the committee is doing: attendance, returning usagers, registered vs present, proposals. */
export function EvaluationPanel({
  committee,
  session,
}: {
  committee: Committee
  session: MeetingSession
}) {
  const stats = useCommitteeStats(committee.meetings)
  const followUp = useDocSnapshot(session.doc, readFollowUp)
  if (!stats) return null
  const rows = chronological(stats.rows)
  return (
    <section className="card" data-testid="evaluation">
      <h2>{t.evaluation.title}</h2>
      {rows.length === 0 ? (
        <p className="help">{t.evaluation.empty}</p>
      ) : (
        <>
          <AttendanceChart rows={rows} />
          <div
            className="table-scroll"
            role="region"
            aria-label={t.evaluation.tableLabel}
            tabIndex={0}
          >
            <table className="table">
              <thead>
                <tr>
                  {t.evaluation.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.meetingId}>
                    <th scope="row">{row.title}</th>
                    <td>{formatShortDate(row.date)}</td>
                    <td>{row.present}</td>
                    <td>{row.attendance.usagerNew + row.attendance.usagerReturning}</td>
                    <td>{percent(row.returningShare)}</td>
                    <td>{row.attendance.agent}</td>
                    <td>{row.attendance.partner}</td>
                    <td>{row.attendance.elected}</td>
                    <td>{row.registered ?? '—'}</td>
                    <td>{row.absent ?? '—'}</td>
                    <td>{row.proposals}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {stats.missing > 0 && <p className="help">{t.evaluation.missing(stats.missing)}</p>}
      <h3>{t.evaluation.byStatus}</h3>
      <ul className="status-counts">
        {FOLLOW_UP_STATUSES.map((status) => (
          <li key={status}>
            <span className={`tag tag--status-${status}`}>{t.followUp.status[status]}</span>{' '}
            {followUp.filter((entry) => entry.status === status).length}
          </li>
        ))}
      </ul>
    </section>
  )
}
