import type { Wall } from '../../doc/grouping'
import type { PlenaryMeeting } from './PlenaryControl'
import { setSpotlight } from '../../doc/plenary'
import { enterCount, rankItems, settleCount, withdrawCount, type VoteBucket } from '../../doc/votes'
import { VOTE_COLLEGES } from '../../doc/voteCounts'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { atelierNames, formatScore } from '../projection/format'
import { CountField, splitEntries } from '../../ui/CountField'
import { counterId } from '../../device/counterId'
import { RetainButton } from './RetainButton'
import { VoteSettingsForm } from './VoteSettingsForm'
import { Button } from '../../ui/Button'

interface Props {
  meeting: PlenaryMeeting
  session: MeetingSession
  wall: Wall
}

/**
 * Entering the show of hands, item by item: one count for the room or one per collège. Each
 * person counting types on their own device; totals and the ranking follow as counts come in.
 * Each result carries its rank and "Retenir en plénière": the plenary retains from the vote.
 */
export function PlenaryVotes({ meeting, session, wall }: Props) {
  const { entries, settings, retained } = meeting.votes
  const ranked = new Map(
    rankItems(
      wall.items.map((item) => item.id),
      entries,
      settings,
    ).map((entry) => [entry.tally.itemId, entry]),
  )
  const me = counterId(session.roomId, (id) => entries.some((entry) => entry.counterId === id))
  const buckets: VoteBucket[] = settings.mode === 'overall' ? ['overall'] : [...VOTE_COLLEGES]
  const weighted = VOTE_COLLEGES.some((college) => settings.weights[college] !== 1)
  return (
    <div className="plenary-votes">
      <VoteSettingsForm session={session} settings={settings} />
      <p className="help">{t.plenary.countHelp}</p>
      {wall.items.length === 0 && <p className="help">{t.plenary.noItems}</p>}
      {wall.items.map((item) => {
        const { tally, rank, tied } = ranked.get(item.id)!
        const isRetained = retained[item.id] !== undefined
        const spotlit =
          meeting.plenary.spotlight?.kind === 'item' && meeting.plenary.spotlight.id === item.id
        return (
          <article
            key={item.id}
            className={`card vote-row${isRetained ? ' vote-row--retained' : ''}`}
            data-testid="vote-row"
            data-item-id={item.id}
          >
            <div className="vote-row__head">
              <p className="vote-row__text">
                {item.text} <span className="muted">· {atelierNames(item)}</span>
              </p>
              <Button
                secondary={!spotlit}
                aria-pressed={spotlit}
                onClick={() =>
                  setSpotlight(session.doc, spotlit ? null : { kind: 'item', id: item.id })
                }
              >
                {spotlit ? t.plenary.backToWall : t.plenary.spotlight}
              </Button>
            </div>
            <div className="vote-row__counts">
              {buckets.map((bucket) => (
                <CountField
                  key={bucket}
                  bucket={bucket}
                  label={bucket === 'overall' ? t.plenary.overallCount : t.wall.colleges[bucket]}
                  {...splitEntries(
                    entries.filter((entry) => entry.itemId === item.id && entry.bucket === bucket),
                    me,
                  )}
                  agreed={tally.buckets[bucket].agreed}
                  values={tally.buckets[bucket].values}
                  onEnter={(count) => enterCount(session.doc, item.id, bucket, me, count)}
                  onWithdraw={() => withdrawCount(session.doc, item.id, bucket, me)}
                  onSettle={(count) => settleCount(session.doc, item.id, bucket, count)}
                />
              ))}
            </div>
            <div className="vote-row__result">
              <p className="vote-row__total" data-testid="vote-total">
                {tally.total !== null && t.plenary.total(tally.total)}
                {settings.mode === 'colleges' &&
                  weighted &&
                  tally.score !== null &&
                  ` · ${t.plenary.score(formatScore(tally.score))}`}
                {rank !== null && ` · ${t.ranking.rank(rank, tied)}`}
                {settings.mode === 'colleges' &&
                  tally.total !== null &&
                  tally.missing.length > 0 &&
                  ` · ${t.plenary.missing(tally.missing.map((c) => t.wall.collegesShort[c]).join(', '))}`}
              </p>
              {isRetained && <span className="tag tag--ok">{t.plenary.retained}</span>}
              <RetainButton
                session={session}
                itemId={item.id}
                retained={isRetained}
                text={item.text}
              />
            </div>
          </article>
        )
      })}
    </div>
  )
}
