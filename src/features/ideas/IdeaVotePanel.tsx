import { useState } from 'react'
import { enterIdeaCount, settleIdeaCount, withdrawIdeaCount } from '../../doc/ideaVotes'
import type { IdeaBank } from '../../doc/ideaBank'
import { rankIdeas } from '../../doc/ideaVotes'
import { VOTE_COLLEGES, type VoteCollege } from '../../doc/voteCounts'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { ChoiceGroup } from '../../ui/ChoiceGroup'
import { CountField, splitEntries } from '../../ui/CountField'
import { counterId } from '../../device/counterId'
import { Pager } from './Pager'
import { usePage } from './usePage'

/** Ideas per page: a collège's vote is typed in one go, a screen at a time. */
const PAGE_SIZE = 20

/**
 * The vote, one collège at a time: the ideas that pass the sieve, grouped by axis, each with
 * the number of votes the collège gave it. Each collège's count is kept on its own.
 */
export function IdeaVotePanel({ session, bank }: { session: MeetingSession; bank: IdeaBank }) {
  const me = counterId(session.roomId, (id) => bank.votes.some((entry) => entry.counterId === id))
  const [college, setCollege] = useState<VoteCollege>('usager')
  const order = new Map(bank.axes.map((axis, index) => [axis.id, index]))
  const candidates = bank.items
    .filter((item) => item.sieve === 'pass')
    .sort(
      (a, b) =>
        (a.axisId === null ? Infinity : order.get(a.axisId)!) -
        (b.axisId === null ? Infinity : order.get(b.axisId)!),
    )
  const ranking = rankIdeas(
    candidates.map((item) => item.id),
    bank.votes,
    bank.weights,
  )
  const tallies = new Map(ranking.rows.map((row) => [row.tally.itemId, row.tally]))
  const page = usePage(candidates.length, PAGE_SIZE, college)
  const axisName = (id: string | null) =>
    id === null
      ? t.ideas.unsorted
      : `${order.get(id)! + 1}. ${bank.axes.find((axis) => axis.id === id)!.name}`
  const visible = candidates.slice(page.start, page.end)
  return (
    <div className="idea-vote">
      <p className="help">{t.ideas.voteHelp}</p>
      <ChoiceGroup
        legend={t.ideas.votingCollege}
        choices={VOTE_COLLEGES}
        labels={
          Object.fromEntries(
            VOTE_COLLEGES.map((candidate) => [
              candidate,
              `${t.ideas.colleges[candidate]} (${ranking.colleges[candidate].total})`,
            ]),
          ) as Record<VoteCollege, string>
        }
        value={college}
        onChange={setCollege}
      />
      {candidates.length === 0 && <p className="notice-inline">{t.ideas.noCandidates}</p>}
      <ul className="idea-vote__list">
        {visible.map((item, index) => {
          const heading =
            index === 0 || visible[index - 1]!.axisId !== item.axisId ? axisName(item.axisId) : null
          return (
            <li key={item.id} className="idea-vote__row" data-testid="idea-vote-row">
              {heading && <h4 className="idea-vote__axis">{heading}</h4>}
              <div className="idea-vote__line">
                <p className="idea-vote__text">{item.text}</p>
                <CountField
                  label={t.ideas.votes}
                  ariaLabel={`${t.ideas.votesFor(t.ideas.colleges[college])} — ${item.text}`}
                  testId="idea-count"
                  {...splitEntries(
                    bank.votes.filter(
                      (entry) => entry.itemId === item.id && entry.bucket === college,
                    ),
                    me,
                  )}
                  agreed={tallies.get(item.id)!.colleges[college].agreed}
                  values={tallies.get(item.id)!.colleges[college].values}
                  onEnter={(count) => enterIdeaCount(session.doc, item.id, college, me, count)}
                  onWithdraw={() => withdrawIdeaCount(session.doc, item.id, college, me)}
                  onSettle={(count) => settleIdeaCount(session.doc, item.id, college, count)}
                />
              </div>
            </li>
          )
        })}
      </ul>
      <Pager page={page} />
    </div>
  )
}
