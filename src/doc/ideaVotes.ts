/**
 * The vote by collège on the ideas that passed the sieve: the counts (in the committee
 * document, through the count mechanism shared with the plenary, `voteCounts.ts`) and, pure,
 * each collège's result on its own, then one combined ranking from which the coordinator picks
 * the chantiers.
 *
 * Why shares and not hands: in Angers 63 usagers sat beside 6 élus. Adding their hands would let
 * the largest collège decide alone; "equal weight per collège" means each collège's result
 * counts as much as any other's, whatever its size. So each collège's result is the share of
 * that collège's votes an idea received (12 of the usagers' 40 votes: 30 %), and the combined
 * score is the weighted mean of those shares over the collèges that have voted (weights 1 by
 * default, editable: a weight of 2 counts that collège double). A collège that has not voted
 * yet is left out of the mean — not counted as zero everywhere — and shown as missing.
 *
 * Several devices may count the same collège: as in the plenary (whose `bucketCount` is reused
 * here), each writes under its own counter id, agreeing counts are the count, and while they
 * differ the latest is used and the gap is shown.
 */
import type * as Y from 'yjs'
import { ideaVoteSettingsOf, ideaVotesOf } from './committeeLayout'
import { compareIds } from './layout'
import { isCompoundId } from './untrusted'
import * as voteCounts from './voteCounts'
import {
  DEFAULT_WEIGHTS,
  VOTE_COLLEGES,
  type CollegeWeights,
  type CountEntry,
  type VoteCollege,
} from './voteCounts'
import { bucketCount, type BucketCount } from './votes'

/** A count for an item (an idea's id, or a group's), its bucket a collège. */
export type IdeaVoteEntry = CountEntry<VoteCollege>

// ── Counts (committee document) ─────────────────────────────────────────────────────────────

/** The idea bank's counts: per item (an idea or a group, compound ids), per collège. */
const ideaCounts = (doc: Y.Doc): voteCounts.CountTarget<VoteCollege> => ({
  doc,
  counts: ideaVotesOf(doc),
  settings: ideaVoteSettingsOf(doc),
  buckets: VOTE_COLLEGES,
  isItemId: isCompoundId,
})

export const readIdeaVotes = (doc: Y.Doc): IdeaVoteEntry[] => voteCounts.readCounts(ideaCounts(doc))

export const readIdeaWeights = (doc: Y.Doc): CollegeWeights =>
  voteCounts.readWeights(ideaVoteSettingsOf(doc))

/** This device's count of one collège's votes for an item. */
export const enterIdeaCount = (
  doc: Y.Doc,
  itemId: string,
  college: VoteCollege,
  counterId: string,
  count: number,
  now = Date.now(),
) => voteCounts.enterCount(ideaCounts(doc), itemId, college, counterId, count, now)

export const withdrawIdeaCount = (
  doc: Y.Doc,
  itemId: string,
  college: VoteCollege,
  counterId: string,
) => voteCounts.withdrawCount(ideaCounts(doc), itemId, college, counterId)

/** Ends a disagreement between counters: every count of this item and collège becomes `count`. */
export const settleIdeaCount = (
  doc: Y.Doc,
  itemId: string,
  college: VoteCollege,
  count: number,
  now = Date.now(),
) => voteCounts.settleCount(ideaCounts(doc), itemId, college, count, now)

export const setIdeaWeight = (doc: Y.Doc, college: VoteCollege, weight: number) =>
  voteCounts.setWeight(ideaCounts(doc), college, weight)

// ── Ranking (pure) ──────────────────────────────────────────────────────────────────────────

export interface CollegeResult extends BucketCount {
  /** Share (0–1) of this collège's votes among the candidates; `null` if it has not voted. */
  share: number | null
  /** Rank within this collège alone (ex æquo share it); `null` without a count. */
  rank: number | null
}

export interface IdeaTally {
  itemId: string
  colleges: Record<VoteCollege, CollegeResult>
  /** Weighted mean of the shares of the collèges that voted (0–1); `null` before any vote. */
  score: number | null
}

export interface RankedIdea {
  tally: IdeaTally
  /** 1 for the highest score; ex æquo share a rank (1, 2, 2, 4). `null` before any vote. */
  rank: number | null
  tied: boolean
}

export interface CollegeSummary {
  /** Votes this collège cast on the candidates. */
  total: number
  /** It cast at least one vote: it counts in the combined score. */
  voted: boolean
  /** Its weight in the combination. */
  weight: number
}

export interface IdeaRanking {
  colleges: Record<VoteCollege, CollegeSummary>
  /** Highest score first; equal scores keep the given order; items with no score last. */
  rows: RankedIdea[]
}

// Shares are fractions: compare them rounded, so 1/3 + 1/3 ties with 2/3.
const settle = (value: number) => Math.round(value * 1e9) / 1e9

/** Ranks with ex æquo for `values` (higher first); `null` stays unranked. */
function ranksOf(values: Array<number | null>): Array<number | null> {
  const present = values
    .filter((value): value is number => value !== null)
    .map(settle)
    .sort((a, b) => b - a)
  const rankOf = new Map<number, number>()
  present.forEach((value, index) => {
    if (!rankOf.has(value)) rankOf.set(value, index + 1)
  })
  return values.map((value) => (value === null ? null : rankOf.get(settle(value))!))
}

/**
 * The per-collège results and the combined ranking of `itemIds` (the candidates: the ideas that
 * pass the sieve, in their list order). Entries for other items are ignored.
 */
export function rankIdeas(
  itemIds: readonly string[],
  entries: readonly IdeaVoteEntry[],
  weights: CollegeWeights = DEFAULT_WEIGHTS,
): IdeaRanking {
  const candidates = new Set(itemIds)
  const byKey = new Map<string, IdeaVoteEntry[]>()
  for (const entry of entries) {
    if (!candidates.has(entry.itemId)) continue
    const key = `${entry.itemId}|${entry.bucket}`
    byKey.set(key, [...(byKey.get(key) ?? []), entry])
  }
  const counts = itemIds.map(
    (itemId) =>
      Object.fromEntries(
        VOTE_COLLEGES.map((college) => [
          college,
          bucketCount(byKey.get(`${itemId}|${college}`) ?? []),
        ]),
      ) as Record<VoteCollege, BucketCount>,
  )
  const colleges = Object.fromEntries(
    VOTE_COLLEGES.map((college) => {
      const total = counts.reduce((sum, item) => sum + (item[college].value ?? 0), 0)
      return [college, { total, voted: total > 0, weight: weights[college] }]
    }),
  ) as Record<VoteCollege, CollegeSummary>
  const collegeRanks = Object.fromEntries(
    VOTE_COLLEGES.map((college) => [
      college,
      ranksOf(counts.map((item) => (colleges[college].voted ? item[college].value : null))),
    ]),
  ) as Record<VoteCollege, Array<number | null>>
  const voted = VOTE_COLLEGES.filter((college) => colleges[college].voted)
  const weightSum = voted.reduce((sum, college) => sum + weights[college], 0)

  const tallies = itemIds.map((itemId, index): IdeaTally => {
    const results = Object.fromEntries(
      VOTE_COLLEGES.map((college) => {
        const count = counts[index]![college]
        const share = colleges[college].voted ? (count.value ?? 0) / colleges[college].total : null
        return [college, { ...count, share, rank: collegeRanks[college][index] ?? null }]
      }),
    ) as Record<VoteCollege, CollegeResult>
    const score =
      weightSum > 0
        ? settle(
            voted.reduce((sum, college) => sum + weights[college] * results[college].share!, 0) /
              weightSum,
          )
        : null
    return { itemId, colleges: results, score }
  })
  const ranks = ranksOf(tallies.map((tally) => tally.score))
  const sharing = new Map<number, number>()
  for (const rank of ranks) if (rank !== null) sharing.set(rank, (sharing.get(rank) ?? 0) + 1)
  const rows = tallies
    .map((tally, index) => ({ tally, rank: ranks[index] ?? null, index }))
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        a.index - b.index ||
        compareIds(a.tally.itemId, b.tally.itemId),
    )
    .map(({ tally, rank }) => ({
      tally,
      rank,
      tied: rank !== null && sharing.get(rank)! > 1,
    }))
  return { colleges, rows }
}
