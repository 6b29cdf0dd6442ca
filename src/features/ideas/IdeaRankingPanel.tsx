import { selectProjects } from '../../doc/ideaProjects'
import { setIdeaWeight } from '../../doc/ideaVotes'
import type { IdeaBank } from '../../doc/ideaBank'
import { rankIdeas } from '../../doc/ideaVotes'
import { VOTE_COLLEGES } from '../../doc/voteCounts'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { WeightField } from '../../ui/WeightField'
import { projectOrigins } from './describeSource'
import { Button } from '../../ui/Button'

const percent = (share: number) => `${(Math.round(share * 1000) / 10).toLocaleString('fr-FR')} %`

/**
 * The combined ranking of the ideas that pass the sieve: each collège's result beside the
 * combined score, the collèges' weights, and the choice of chantiers, which go to the tableau
 * de suivi with their axis and the sources of their ideas.
 */
export function IdeaRankingPanel({ session, bank }: { session: MeetingSession; bank: IdeaBank }) {
  const candidates = bank.items.filter((item) => item.sieve === 'pass')
  const ranking = rankIdeas(
    candidates.map((item) => item.id),
    bank.votes,
    bank.weights,
  )
  const byId = new Map(candidates.map((item) => [item.id, item]))
  const axisNames = new Map(bank.axes.map((axis, index) => [axis.id, { axis, number: index + 1 }]))
  const voted = VOTE_COLLEGES.filter((college) => ranking.colleges[college].voted)
  const notVoted = VOTE_COLLEGES.filter((college) => !ranking.colleges[college].voted)
  const chosen = bank.items.filter((item) => item.projectAt !== null).length
  const anyScore = ranking.rows.some((row) => row.rank !== null)
  return (
    <div className="idea-ranking">
      <section className="idea-weights">
        <h3>{t.ideas.weights}</h3>
        <p className="help">{t.ideas.weightsHelp}</p>
        <div className="vote-settings__weights">
          {VOTE_COLLEGES.map((college) => (
            <WeightField
              key={college}
              label={t.ideas.colleges[college]}
              ariaLabel={t.ideas.weightOf(t.ideas.colleges[college])}
              weight={bank.weights[college]}
              onChange={(weight) => setIdeaWeight(session.doc, college, weight)}
            />
          ))}
        </div>
      </section>
      <p className="idea-ranking__colleges">
        {voted.length > 0 &&
          t.ideas.votedColleges(
            voted
              .map((college) =>
                t.ideas.collegeVotes(t.ideas.colleges[college], ranking.colleges[college].total),
              )
              .join(', '),
          )}
        {voted.length > 0 && notVoted.length > 0 && ' · '}
        {notVoted.length > 0 &&
          t.ideas.notVoted(notVoted.map((college) => t.ideas.colleges[college]).join(', '))}
      </p>
      <p className="help" data-testid="idea-chosen-count">
        {t.ideas.chosenCount(chosen)}
      </p>
      {candidates.length === 0 && <p className="notice-inline">{t.ideas.noCandidates}</p>}
      {candidates.length > 0 && !anyScore && <p className="help">{t.ideas.rankingEmpty}</p>}
      <ol className="plenary-ranking__list">
        {ranking.rows.map(({ tally, rank, tied }) => {
          const item = byId.get(tally.itemId)!
          const axis = item.axisId ? axisNames.get(item.axisId) : undefined
          const isChosen = item.projectAt !== null
          return (
            <li
              key={item.id}
              className={`plenary-ranking__row${isChosen ? ' plenary-ranking__row--retained' : ''}`}
              data-testid="idea-rank-row"
              data-rank={rank ?? ''}
            >
              <span className="plenary-ranking__rank">
                {rank === null ? t.ranking.unranked : t.ranking.rank(rank, tied)}
              </span>
              <div className="plenary-ranking__main">
                <p className="plenary-ranking__text">{item.text}</p>
                <p className="muted idea-ranking__axis">
                  {axis
                    ? `${t.ideas.axisShort(axis.number)} · ${axis.axis.name}`
                    : t.ideas.unsorted}
                </p>
                <ul className="idea-ranking__results">
                  {VOTE_COLLEGES.map((college) => {
                    const result = tally.colleges[college]
                    return (
                      <li key={college} className={result.share === null ? 'muted' : ''}>
                        {result.share === null
                          ? t.ideas.collegeNone(t.ideas.colleges[college])
                          : t.ideas.collegeResult(
                              t.ideas.colleges[college],
                              result.value ?? 0,
                              percent(result.share),
                            )}
                      </li>
                    )
                  })}
                </ul>
                {tally.score !== null && (
                  <strong className="idea-ranking__score">
                    {t.ideas.score(percent(tally.score))}
                  </strong>
                )}
                {isChosen && <span className="tag tag--ok">{t.ideas.chosen}</span>}
              </div>
              {!isChosen && (
                <Button
                  onClick={() =>
                    selectProjects(session.doc, [
                      {
                        itemId: item.id,
                        text: item.text,
                        origins: projectOrigins(item, axis?.axis.name ?? null),
                      },
                    ])
                  }
                >
                  {t.ideas.choose}
                </Button>
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
