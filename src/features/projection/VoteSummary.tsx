import { VOTE_COLLEGES } from '../../doc/voteCounts'
import type { ItemTally, VoteSettings } from '../../doc/votes'
import { t } from '../../text/strings'
import { formatCount, formatScore } from './format'
import './projection.css'

interface Props {
  tally: ItemTally
  settings: VoteSettings
  /** Beside a large score (the ranking): the collèges' counts only, and the hands if weighted. */
  beside?: boolean
}

/**
 * An item's vote as the room reads it: the hands counted overall, or per collège with the
 * total and the weighted score; a disagreement between two counters shows as "écart : 12 / 14".
 */
export function VoteSummary({ tally, settings, beside = false }: Props) {
  if (settings.mode === 'overall')
    return (
      <p className="vote-summary" data-testid="vote-summary">
        <strong>
          {tally.buckets.overall.agreed && tally.total !== null
            ? t.wall.ranking.hands(tally.total)
            : formatCount(tally.buckets.overall)}
        </strong>
      </p>
    )
  const weighted = VOTE_COLLEGES.some((college) => settings.weights[college] !== 1)
  return (
    <p className="vote-summary" data-testid="vote-summary">
      {VOTE_COLLEGES.map((college) => (
        <span key={college} className="vote-summary__college" data-college={college}>
          {t.wall.collegesShort[college]} <strong>{formatCount(tally.buckets[college])}</strong>
        </span>
      ))}
      {tally.total !== null && (!beside || weighted) && (
        <span className="vote-summary__total">
          {t.wall.ranking.hands(tally.total)}
          {!beside &&
            weighted &&
            tally.score !== null &&
            ` · ${t.wall.ranking.points(formatScore(tally.score))}`}
        </span>
      )}
    </p>
  )
}
