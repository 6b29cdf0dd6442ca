import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { Meeting } from '../../doc/meetingDoc'
import { readMeeting } from '../../doc/meetingDoc'
import { openEarlierCopy, restoreFrom, type RestoreScope } from '../../doc/restore'
import type { CapabilityKey } from '../../links/capability'
import type { MeetingSession } from '../../sync/meetingSession'
import { relayOrigin } from '../../sync/relayUrl'
import {
  fetchRelaySnapshot,
  listRelaySnapshots,
  SnapshotError,
  type RelaySnapshot,
  type SnapshotProblem,
} from '../../sync/relaySnapshots'
import { formatMoment } from '../../text/formatDate'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

interface Props {
  meeting: Pick<Meeting, 'ateliers'>
  session: MeetingSession
  writeKey: CapabilityKey
}

interface Preview {
  at: number
  earlier: Y.Doc
  summary: string
  /** Ateliers of that moment: one removed since can still be restored on its own. */
  ateliers: Meeting['ateliers']
}

const problemOf = (error: unknown): SnapshotProblem =>
  error instanceof SnapshotError ? error.problem : 'unreadable'

/**
 * "Historique": the evening's timeline as the relay kept it, and restoring the meeting (or one
 * atelier) as it was at a moment — a new change every device receives (`src/doc/restore.ts`).
 */
export function RestorePanel({ meeting, session, writeKey }: Props) {
  const [snapshots, setSnapshots] = useState<RelaySnapshot[] | null>(null)
  const [problem, setProblem] = useState<SnapshotProblem | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [scope, setScope] = useState('meeting')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [done, setDone] = useState<string | null>(null)

  // Bumped by "Actualiser": the listing is read again.
  const [reads, setReads] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    listRelaySnapshots(relayOrigin(), session.roomId, writeKey, controller.signal).then(
      (list) => {
        setProblem(null)
        setSnapshots(list)
        setSelected((current) => current ?? list[0]?.at ?? null)
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setProblem(problemOf(error))
      },
    )
    return () => controller.abort()
  }, [session.roomId, writeKey, reads])

  const show = async (at: number) => {
    setDone(null)
    setProblem(null)
    try {
      const earlier = openEarlierCopy(
        await fetchRelaySnapshot(relayOrigin(), session.roomId, writeKey, at),
      )
      if (!earlier) return setProblem('unreadable')
      const then = readMeeting(earlier)
      const notes = Object.values(then.notes).filter((text) => text.trim() !== '').length
      setPreview({
        at,
        earlier,
        summary: t.restore.summary(then.ateliers.length, then.proposals.length, notes),
        ateliers: then.ateliers,
      })
    } catch (error) {
      setProblem(problemOf(error))
    }
  }

  const known = new Set(meeting.ateliers.map((atelier) => atelier.id))
  const ateliers = [
    ...meeting.ateliers,
    ...(preview?.ateliers.filter((atelier) => !known.has(atelier.id)) ?? []),
  ]

  const restore = (shown: Preview) => {
    const target: RestoreScope =
      scope === 'meeting' ? { kind: 'meeting' } : { kind: 'atelier', atelierId: scope }
    const changed = restoreFrom(session.doc, shown.earlier, target)
    setDone(changed ? t.restore.restored(formatMoment(shown.at)) : t.restore.unchanged)
    setPreview(null)
  }

  return (
    <div className="page">
      <section className="card restore" data-testid="restore">
        <h2>{t.restore.title}</h2>
        <p className="help">{t.restore.help}</p>
        {problem && (
          <p className="notice notice--error" role="alert" data-testid="restore-problem">
            {t.restore.problems[problem]}
          </p>
        )}
        {snapshots === null && !problem && <p className="help">{t.restore.loading}</p>}
        {snapshots?.length === 0 && <p className="help">{t.restore.none}</p>}
        {snapshots && snapshots.length > 0 && (
          <div className="restore__form">
            <Field label={t.restore.moment}>
              <select
                data-testid="restore-moment"
                value={selected ?? ''}
                onChange={(event) => {
                  setSelected(Number(event.target.value))
                  setPreview(null)
                }}
              >
                {snapshots.map((snapshot) => (
                  <option key={snapshot.at} value={snapshot.at}>
                    {formatMoment(snapshot.at)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.restore.scope}>
              <select
                data-testid="restore-scope"
                value={scope}
                onChange={(event) => setScope(event.target.value)}
              >
                <option value="meeting">{t.restore.wholeMeeting}</option>
                {ateliers.map((atelier) => (
                  <option key={atelier.id} value={atelier.id}>
                    {t.restore.atelier(atelier.name)}
                  </option>
                ))}
              </select>
            </Field>
            <div className="inline-actions">
              <Button
                secondary
                disabled={selected === null}
                onClick={() => selected !== null && void show(selected)}
              >
                {t.restore.preview}
              </Button>
              <Button secondary onClick={() => setReads((n) => n + 1)}>
                {t.restore.refresh}
              </Button>
            </div>
          </div>
        )}
        {preview && (
          <div className="restore__preview" data-testid="restore-preview">
            <p>{preview.summary}</p>
            <Button onClick={() => restore(preview)}>
              {t.restore.restore(formatMoment(preview.at))}
            </Button>
          </div>
        )}
        {done && (
          <p role="status" data-testid="restore-done">
            {done}
          </p>
        )}
      </section>
    </div>
  )
}
