import { useMemo } from 'react'
import type * as Y from 'yjs'
import { buildWall } from '../../doc/grouping'
import { rankItems } from '../../doc/votes'
import { pick, useMeetingPart } from '../../hooks/useMeetingPart'
import { t } from '../../text/strings'
import { atelierNames, formatCount, formatScore, formatWeights } from './format'
import { useFitText } from './useFitText'
import { VoteSummary } from './VoteSummary'

/** Above this many items the ranking reads in two columns. */
const ONE_COLUMN_MAX = 8

const selectRanking = pick(['ateliers', 'proposals', 'grouping', 'votes'])

/** The ranking as counts come in: rank, wording, origins, votes, and what the plenary retained. */
export function RankingScreen({ doc }: { doc: Y.Doc }) {
  const shown = useMeetingPart(doc, selectRanking)
  const wall = useMemo(() => buildWall(shown), [shown])
  const { settings, entries, retained } = shown.votes
  const ranking = rankItems(
    wall.items.map((item) => item.id),
    entries,
    settings,
  )
  const byId = new Map(wall.items.map((item) => [item.id, item]))
  const fitRef = useFitText({ min: 1.2, max: 4.5 })
  const weights = settings.mode === 'colleges' ? formatWeights(settings) : null
  const columns = ranking.length > ONE_COLUMN_MAX ? 2 : 1
  return (
    <div className="ranking-screen" data-testid="ranking">
      <header className="wallboard__head">
        <h1 className="wallboard__title">{t.wall.ranking.title}</h1>
        <p className="wallboard__count">
          {settings.mode === 'colleges' ? t.wall.ranking.byCollege : t.wall.ranking.overall}
          {weights && ` · ${t.wall.ranking.weighted(weights)}`}
        </p>
      </header>
      <div className="ranking-screen__body" ref={fitRef}>
        {ranking.length === 0 ? (
          <p className="ranking-screen__empty">{t.wall.ranking.empty}</p>
        ) : (
          <ol
            className="ranking-list"
            data-fit
            style={{ gridTemplateRows: `repeat(${Math.ceil(ranking.length / columns)}, auto)` }}
            data-columns={columns}
          >
            {ranking.map(({ tally, rank, tied }) => {
              const item = byId.get(tally.itemId)!
              const isRetained = retained[item.id] !== undefined
              return (
                <li
                  key={item.id}
                  className={`ranking-row${isRetained ? ' ranking-row--retained' : ''}`}
                  data-testid="ranking-row"
                  data-item-id={item.id}
                >
                  <span className="ranking-row__rank">
                    {rank ?? '–'}
                    {tied && <small>{t.wall.ranking.exAequo}</small>}
                  </span>
                  <span className="ranking-row__main">
                    <span className="ranking-row__text">{item.text}</span>
                    <span className="ranking-row__from">
                      {atelierNames(item)}
                      {isRetained && (
                        <strong className="ranking-row__retained">
                          {' '}
                          · ✓ {t.wall.ranking.retained}
                        </strong>
                      )}
                    </span>
                  </span>
                  <span className="ranking-row__score">
                    {tally.score === null ? (
                      <span className="muted">{t.wall.ranking.notVoted}</span>
                    ) : (
                      <>
                        <strong>
                          {formatScore(tally.score)}
                          <small>
                            {' '}
                            {weights ? t.wall.ranking.pointsUnit : t.wall.ranking.handsUnit}
                          </small>
                        </strong>
                        {settings.mode === 'colleges' ? (
                          <VoteSummary tally={tally} settings={settings} beside />
                        ) : (
                          tally.disagreements.length > 0 && (
                            <span className="ranking-row__gap">
                              {formatCount(tally.buckets.overall)}
                            </span>
                          )
                        )}
                      </>
                    )}
                  </span>
                </li>
              )
            })}
          </ol>
        )}
      </div>
    </div>
  )
}
