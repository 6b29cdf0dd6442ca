import { useState, type FormEvent } from 'react'
import { groupProposals, type Wall, type WallItem } from '../../doc/grouping'
import type { PlenaryMeeting } from './PlenaryControl'
import { setSpotlight } from '../../doc/plenary'
import { PROPOSAL_MAX } from '../../doc/proposals'
import { useNow } from '../../hooks/useNow'
import type { MeetingSession } from '../../sync/meetingSession'
import { formatAgo } from '../../text/formatAgo'
import { t } from '../../text/strings'
import { formatTime } from '../../text/formatDate'
import { PlenaryItem } from './PlenaryItem'
import { ErrorBoundary } from '../../ui/ErrorBoundary'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

interface Props {
  meeting: PlenaryMeeting
  session: MeetingSession
  wall: Wall
}

/**
 * The restitution from the coordinator's side: every atelier's transmitted proposals as they
 * arrive, to enlarge on the projector, note the debate on, and group when several ateliers
 * say the same thing.
 */
export function PlenaryProposals({ meeting, session, wall }: Props) {
  const now = useNow(30_000)
  const [selection, setSelection] = useState<string[]>([])
  const [wording, setWording] = useState<string | null>(null)
  // Only what is still on the wall stays selected.
  const selected = wall.items.filter((item) => selection.includes(item.id))
  const proposalIds = selected.flatMap((item) => item.origins.map((origin) => origin.proposal.id))
  const select = (item: WallItem, on: boolean) =>
    setSelection((current) => (on ? [...current, item.id] : current.filter((id) => id !== item.id)))
  const create = (event: FormEvent) => {
    event.preventDefault()
    if (wording === null || !wording.trim() || proposalIds.length < 2) return
    groupProposals(session.doc, proposalIds, wording)
    setSelection([])
    setWording(null)
  }
  const itemProps = (item: WallItem) => ({
    meeting,
    session,
    item,
    selected: selection.includes(item.id),
    onSelect: (on: boolean) => select(item, on),
  })

  return (
    <div className="plenary-proposals">
      <section className="card plenary-grouping" data-testid="plenary-grouping">
        <p className="plenary-grouping__count" data-testid="plenary-transmitted">
          {t.wall.transmitted(wall.transmittedCount, wall.ateliers.length)}
        </p>
        {wording === null ? (
          <div className="inline-actions">
            <Button
              disabled={proposalIds.length < 2}
              onClick={() => setWording(selected[0]?.text ?? '')}
            >
              {t.plenary.groupSelected(proposalIds.length)}
            </Button>
            <p className="help">{t.plenary.selectHelp}</p>
          </div>
        ) : (
          <form onSubmit={create}>
            <ul className="plenary-grouping__selected">
              {selected.flatMap((item) =>
                item.origins.map(({ proposal, atelier }) => (
                  <li key={proposal.id}>{t.plenary.originalText(atelier.name, proposal.text)}</li>
                )),
              )}
            </ul>
            <Field label={t.plenary.wording}>
              <textarea
                value={wording}
                rows={2}
                maxLength={PROPOSAL_MAX}
                autoFocus
                onChange={(event) => setWording(event.target.value)}
                data-testid="group-wording"
              />
            </Field>
            <div className="inline-actions">
              <Button type="submit" disabled={!wording.trim()}>
                {t.plenary.createGroup}
              </Button>
              <Button secondary onClick={() => setWording(null)}>
                {t.plenary.cancel}
              </Button>
            </div>
          </form>
        )}
      </section>

      {wall.groups.length > 0 && (
        <section className="card plenary-atelier">
          <h2>{t.plenary.groups}</h2>
          {wall.groups.map((item) => (
            <ErrorBoundary key={item.id} scope="card" resetKey={item}>
              <PlenaryItem {...itemProps(item)} />
            </ErrorBoundary>
          ))}
        </section>
      )}

      {wall.ateliers.map((entry) => {
        const spotlit =
          meeting.plenary.spotlight?.kind === 'atelier' &&
          meeting.plenary.spotlight.id === entry.atelier.id
        return (
          <section
            key={entry.atelier.id}
            className="card plenary-atelier"
            data-testid="plenary-atelier"
            data-atelier-id={entry.atelier.id}
          >
            <header className="plenary-atelier__head">
              <h2>{entry.atelier.name}</h2>
              <Button
                secondary={!spotlit}
                aria-pressed={spotlit}
                onClick={() =>
                  setSpotlight(
                    session.doc,
                    spotlit ? null : { kind: 'atelier', id: entry.atelier.id },
                  )
                }
              >
                {spotlit ? t.plenary.backToWall : t.plenary.spotlightAtelier}
              </Button>
            </header>
            <p className="help">
              {entry.transmitted && entry.atelier.transmittedAt !== null
                ? t.wall.transmittedAt(formatTime(entry.atelier.transmittedAt))
                : t.wall.waiting}
              {entry.lastSeenAt !== null &&
                ` · ${t.wall.lastSeen(formatTime(entry.lastSeenAt), formatAgo(entry.lastSeenAt, now))}`}
              {entry.changesSinceTransmission > 0 &&
                ` · ${t.wall.changesSince(entry.changesSinceTransmission)}`}
              {entry.groupedCount > 0 && ` · ${t.wall.inGroups(entry.groupedCount)}`}
            </p>
            {entry.items.map((item) => (
              <ErrorBoundary key={item.id} scope="card" resetKey={item}>
                <PlenaryItem {...itemProps(item)} />
              </ErrorBoundary>
            ))}
          </section>
        )
      })}
    </div>
  )
}
