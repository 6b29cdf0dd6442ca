import type * as Y from 'yjs'
import type { WallItem } from '../../doc/grouping'
import { debateNoteKey } from '../../doc/plenary'
import { tallyItem } from '../../doc/votes'
import { useMeetingPart } from '../../hooks/useMeetingPart'
import { t } from '../../text/strings'
import { atelierNames } from './format'
import { useFitText } from './useFitText'
import { VoteSummary } from './VoteSummary'

interface Props {
  doc: Y.Doc
  item: WallItem
}

/**
 * One proposal or group, as large as the screen allows, while the room debates or votes on it:
 * where it comes from, its vote as it is counted, and the debate notes as they are typed.
 */
export function WallSpotlight({ doc, item }: Props) {
  const fitRef = useFitText({ min: 2, max: 9 })
  // Of the notes, only this item's debate note: the ateliers' typing does not reach here.
  const { votes, notes } = useMeetingPart(doc, (meeting) => ({
    votes: meeting.votes,
    notes: meeting.notes[debateNoteKey(item.id)]?.trim() ?? '',
  }))
  const tally = tallyItem(item.id, votes.entries, votes.settings)
  const first = item.origins[0]!
  return (
    <div className="spotlight" ref={fitRef} data-testid="wall-spotlight" data-item-id={item.id}>
      <div className="spotlight__box" data-fit>
        <p className="spotlight__kicker">
          {item.kind === 'group'
            ? t.wall.groupOf(atelierNames(item))
            : [first.atelier.name, first.atelier.room].filter(Boolean).join(' · ')}
        </p>
        <p className="spotlight__text">
          {item.text}
          {item.changed && <span className="wall-tag">{t.wall.changed}</span>}
        </p>
        {item.kind === 'group' && (
          <ul className="spotlight__origins">
            {item.origins.map(({ proposal, atelier }) => (
              <li key={proposal.id}>
                <strong>{atelier.name}</strong>
                {t.wall.quotedAfterName(proposal.text)}
              </li>
            ))}
          </ul>
        )}
        {tally.total !== null && (
          <div className="spotlight__votes">
            <span className="spotlight__label">{t.wall.votes}</span>
            <VoteSummary tally={tally} settings={votes.settings} />
          </div>
        )}
        {notes && (
          <div className="spotlight__notes" data-testid="spotlight-notes">
            <span className="spotlight__label">{t.wall.debate}</span>
            <p>{notes}</p>
          </div>
        )}
      </div>
    </div>
  )
}
