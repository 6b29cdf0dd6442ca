import { useEffect, useState } from 'react'
import type { Committee } from '../../doc/committeeDoc'
import {
  changeStatus,
  FOLLOW_UP_STATUSES,
  NEXT_STATUSES,
  readFollowUp,
  type FollowUpEntry,
  type FollowUpStatus,
} from '../../doc/followUp'
import { useDocSnapshot } from '../../hooks/useDocSnapshot'
import type { MeetingSession } from '../../sync/meetingSession'
import { deliverFile } from '../../ui/deliverFile'
import { formatNumericDate } from '../../text/formatDate'
import { t } from '../../text/strings'
import { collectRetained } from './collectRetained'
import { decidimCsv, followUpCsv } from './followUpCsv'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'
import './followUp.css'

/**
 * The tableau de suivi: each retained proposal, where it stands, and its dated history. Opened
 * from a meeting (`meetingId`), it shows that meeting's proposals first; the filter widens it.
 */
export function FollowUpPanel({
  committee,
  session,
  meetingId = '',
}: {
  committee: Committee
  session: MeetingSession
  meetingId?: string
}) {
  const entries = useDocSnapshot(session.doc, readFollowUp)
  const [collected, setCollected] = useState<number | null>(null)
  const collect = () => void collectRetained(committee, session).then(setCollected)
  const meetingCount = committee.meetings.length
  // Pick up what the plenaries retained whenever the table is opened or a meeting is added.
  useEffect(collect, [meetingCount]) // eslint-disable-line react-hooks/exhaustive-deps
  const [status, setStatus] = useState<FollowUpStatus | ''>('')
  const [meeting, setMeeting] = useState(meetingId)
  const titles = new Map(entries.map((e) => [e.meetingId, e.meetingTitle]))
  // The meeting it was opened from stays a choice before anything of it is retained.
  const from = committee.meetings.find((candidate) => candidate.id === meetingId)
  if (from && !titles.has(from.id)) titles.set(from.id, from.title)
  const meetings = [...titles.entries()]
  const shown = entries.filter(
    (entry) => (!status || entry.status === status) && (!meeting || entry.meetingId === meeting),
  )
  const exportAs = (name: string, content: string) =>
    void deliverFile(new File([content], name, { type: 'text/csv;charset=utf-8' }))
  return (
    <section className="card" data-testid="follow-up">
      <h2>{t.followUp.title}</h2>
      <div className="form-grid">
        <Field label={t.followUp.filterStatus}>
          <select value={status} onChange={(e) => setStatus(e.target.value as FollowUpStatus | '')}>
            <option value="">{t.followUp.all}</option>
            {FOLLOW_UP_STATUSES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t.followUp.status[candidate]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.followUp.filterMeeting}>
          <select value={meeting} onChange={(e) => setMeeting(e.target.value)}>
            <option value="">{t.followUp.all}</option>
            {meetings.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {shown.length === 0 ? (
        <p className="help">{t.followUp.empty}</p>
      ) : (
        <ul className="follow-up">
          {shown.map((entry) => (
            <FollowUpItem key={entry.id} entry={entry} session={session} />
          ))}
        </ul>
      )}
      <div className="inline-actions">
        <Button secondary onClick={collect}>
          {t.followUp.refresh}
        </Button>
        {collected !== null && <span role="status">{t.followUp.refreshed(collected)}</span>}
      </div>
      <div className="inline-actions">
        <Button
          secondary
          onClick={() => exportAs('suivi-des-propositions.csv', followUpCsv(shown))}
        >
          {t.followUp.exportCsv}
        </Button>
        <Button secondary onClick={() => exportAs('resultats-decidim.csv', decidimCsv(shown))}>
          {t.followUp.exportDecidim}
        </Button>
      </div>
    </section>
  )
}

function FollowUpItem({ entry, session }: { entry: FollowUpEntry; session: MeetingSession }) {
  const [comment, setComment] = useState('')
  const [owner, setOwner] = useState(entry.history.at(-1)?.owner ?? '')
  const [error, setError] = useState(false)
  const next = NEXT_STATUSES[entry.status]
  const move = (status: FollowUpStatus) => {
    if (status === 'rejected' && !comment.trim()) return setError(true)
    changeStatus(session.doc, entry.id, { status, at: Date.now(), comment, owner })
    setComment('')
    setError(false)
  }
  return (
    <li className="follow-up__item" data-testid="follow-up-item" data-status={entry.status}>
      <p className="proposal__text">{entry.text}</p>
      <p className="proposal__meta">
        <span className={`tag tag--status-${entry.status}`}>{t.followUp.status[entry.status]}</span>
        <span className="muted">
          {t.followUp.origin(entry.meetingTitle, entry.ateliers.join(', '))}
        </span>
      </p>
      <details>
        <summary>{t.followUp.history}</summary>
        <ol className="follow-up__history">
          {entry.history.map((change) => (
            <li key={change.id}>
              {formatNumericDate(change.at)} — {t.followUp.status[change.status]}
              {change.owner ? ` · ${change.owner}` : ''}
              {change.comment ? t.labelled('', change.comment) : ''}
            </li>
          ))}
        </ol>
      </details>
      {next.length > 0 && (
        <div className="follow-up__change">
          <div className="form-grid">
            <Field label={t.followUp.comment}>
              <input
                value={comment}
                maxLength={1000}
                onChange={(e) => setComment(e.target.value)}
              />
            </Field>
            <Field label={t.followUp.owner}>
              <input value={owner} maxLength={120} onChange={(e) => setOwner(e.target.value)} />
            </Field>
          </div>
          {error && <p className="field__error">{t.followUp.reasonRequired}</p>}
          <div className="inline-actions">
            {next.map((status) => (
              <Button key={status} onClick={() => move(status)}>
                {t.followUp.moveTo[status]}
              </Button>
            ))}
          </div>
        </div>
      )}
    </li>
  )
}
