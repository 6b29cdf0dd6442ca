import { useState, type FormEvent } from 'react'
import type { WallItem } from '../../doc/grouping'
import { leaveGroup, rewordGroup, ungroup } from '../../doc/grouping'
import { useMeetingPart } from '../../hooks/useMeetingPart'
import type { PlenaryMeeting } from './PlenaryControl'
import { debateNoteKey, setSpotlight } from '../../doc/plenary'
import { PROPOSAL_MAX } from '../../doc/proposals'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { atelierNames } from '../projection/format'
import { DebateNote } from './DebateNote'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

interface Props {
  meeting: PlenaryMeeting
  session: MeetingSession
  item: WallItem
  selected: boolean
  onSelect: (selected: boolean) => void
}

/**
 * One proposal or group on the coordinator's side: select it for grouping, enlarge it on the
 * projector while its rapporteur speaks, note the debate; a group shows its origins (ateliers
 * and original texts) and can be reworded, left, or undone.
 */
export function PlenaryItem({ meeting, session, item, selected, onSelect }: Props) {
  const doc = session.doc
  const [draft, setDraft] = useState<string | null>(null)
  // Of the notes, only this item's debate note (`undefined` until it exists).
  const note = useMeetingPart(doc, (shown) => shown.notes[debateNoteKey(item.id)])
  const spotlit =
    meeting.plenary.spotlight?.kind === 'item' && meeting.plenary.spotlight.id === item.id
  const save = (event: FormEvent) => {
    event.preventDefault()
    if (draft === null || !draft.trim() || draft.length > PROPOSAL_MAX) return
    rewordGroup(doc, item.id, draft)
    setDraft(null)
  }
  return (
    <article
      className={`plenary-item${item.kind === 'group' ? ' plenary-item--group' : ''}${spotlit ? ' plenary-item--spotlit' : ''}`}
      data-testid="plenary-item"
      data-item-id={item.id}
      data-kind={item.kind}
    >
      <label className="plenary-item__select">
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
          aria-label={`${t.plenary.select} : ${item.text}`}
        />
      </label>
      <div className="plenary-item__body">
        {item.kind === 'group' && (
          <p className="plenary-item__kicker">{t.wall.groupOf(atelierNames(item))}</p>
        )}
        {draft === null ? (
          <p className="plenary-item__text">
            {item.text}
            {item.changed && <span className="tag tag--warn">{t.wall.changed}</span>}
          </p>
        ) : (
          <form onSubmit={save} className="plenary-item__reword">
            <Field label={t.plenary.wording}>
              <textarea
                value={draft}
                rows={2}
                maxLength={PROPOSAL_MAX}
                autoFocus
                onChange={(event) => setDraft(event.target.value)}
              />
            </Field>
            <div className="inline-actions">
              <Button type="submit" disabled={!draft.trim()}>
                {t.plenary.save}
              </Button>
              <Button secondary onClick={() => setDraft(null)}>
                {t.plenary.cancel}
              </Button>
            </div>
          </form>
        )}
        {item.kind === 'group' && (
          <ul className="plenary-item__origins">
            {item.origins.map(({ proposal, atelier }) => (
              <li key={proposal.id}>
                <span>{t.plenary.originalText(atelier.name, proposal.text)}</span>
                <Button secondary onClick={() => leaveGroup(doc, proposal.id)}>
                  {t.plenary.leaveGroup}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-actions">
          <Button
            secondary={!spotlit}
            aria-pressed={spotlit}
            onClick={() => setSpotlight(doc, spotlit ? null : { kind: 'item', id: item.id })}
          >
            {spotlit ? t.plenary.backToWall : t.plenary.spotlight}
          </Button>
          {item.kind === 'group' && draft === null && (
            <>
              <Button secondary onClick={() => setDraft(item.text)}>
                {t.plenary.reword}
              </Button>
              <Button secondary onClick={() => ungroup(doc, item.id)}>
                {t.plenary.ungroup}
              </Button>
            </>
          )}
        </div>
        <DebateNote
          session={session}
          itemId={item.id}
          exists={note !== undefined}
          open={spotlit || Boolean(note)}
        />
      </div>
    </article>
  )
}
