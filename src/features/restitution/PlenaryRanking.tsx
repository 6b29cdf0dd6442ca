import type { Wall } from '../../doc/grouping'
import type { PlenaryMeeting } from './PlenaryControl'
import { rankItems } from '../../doc/votes'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { atelierNames } from '../projection/format'
import { VoteSummary } from '../projection/VoteSummary'
import { RetainButton } from './RetainButton'

interface Props {
  meeting: PlenaryMeeting
  session: MeetingSession
  wall: Wall
}

/** The ranking as counts come in, and the mark "retenue en plénière" the follow-up starts from. */
export function PlenaryRanking({ meeting, session, wall }: Props) {
  const { entries, settings, retained } = meeting.votes
  const ranking = rankItems(
    wall.items.map((item) => item.id),
    entries,
    settings,
  )
  const byId = new Map(wall.items.map((item) => [item.id, item]))
  const retainedCount = wall.items.filter((item) => retained[item.id] !== undefined).length
  return (
    <section className="card plenary-ranking">
      <h2>{t.plenary.views.ranking}</h2>
      <p className="help" data-testid="retained-count">
        {t.plenary.retainedCount(retainedCount)}
      </p>
      {ranking.length === 0 && <p className="help">{t.plenary.noItems}</p>}
      <ol className="plenary-ranking__list">
        {ranking.map(({ tally, rank, tied }) => {
          const item = byId.get(tally.itemId)!
          const isRetained = retained[item.id] !== undefined
          return (
            <li
              key={item.id}
              className={`plenary-ranking__row${isRetained ? ' plenary-ranking__row--retained' : ''}`}
              data-testid="plenary-rank-row"
              data-item-id={item.id}
            >
              <span
                className={`plenary-ranking__rank${rank === null ? ' plenary-ranking__rank--none' : ''}`}
              >
                {rank === null ? t.ranking.unranked : t.ranking.rank(rank, tied)}
              </span>
              <div className="plenary-ranking__main">
                <p className="plenary-ranking__text">
                  {item.text} <span className="muted">· {atelierNames(item)}</span>
                </p>
                {tally.total !== null && <VoteSummary tally={tally} settings={settings} />}
                {isRetained && <span className="tag tag--ok">{t.plenary.retained}</span>}
              </div>
              <RetainButton
                session={session}
                itemId={item.id}
                retained={isRetained}
                text={item.text}
              />
            </li>
          )
        })}
      </ol>
    </section>
  )
}
