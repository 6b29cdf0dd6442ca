/**
 * Prioritisation: show-of-hands counts per wall item (a proposal or a group), overall or per
 * collège, with optional weights per collège (Angers votes by collège); the ranking they give;
 * and the items the plenary retains, which the follow-up table picks up (`readRetained`).
 * Shared data. Counts only, never names.
 *
 *   votes         Y.Map  "<itemId>|<bucket>|<counterId>" → { count, at }
 *   voteSettings  Y.Map  mode: "overall" | "colleges", "weight.<college>": number
 *   retained      Y.Map  itemId → retainedAt (ms) | null
 *
 * The counts themselves (one entry per counting device, settled after a recount) are the
 * mechanism of `voteCounts.ts`, shared with the idea bank; while counters disagree the tally
 * shows "écart : 12 / 14".
 * Votes follow the wall item: group proposals before voting on them.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { readAteliers } from './ateliers'
import { buildWall, readGrouping, type Wall, type WallProposal } from './grouping'
import { compareIds, retainedOf, voteSettingsOf, votesOf } from './layout'
import { origins } from './origins'
import { readProposals } from './proposals'
import { idRecord, isEntityId, noteSkipped, timestampSchema } from './untrusted'
import * as voteCounts from './voteCounts'
import { DEFAULT_WEIGHTS, VOTE_COLLEGES, type CollegeWeights, type VoteCollege } from './voteCounts'

/** Where a count goes: the whole room at once, or one collège. */
export const VOTE_BUCKETS = ['overall', ...VOTE_COLLEGES] as const
export type VoteBucket = (typeof VOTE_BUCKETS)[number]

export const voteModeSchema = z.enum(['overall', 'colleges'])
export type VoteMode = z.infer<typeof voteModeSchema>

export interface VoteSettings {
  mode: VoteMode
  weights: CollegeWeights
}

export const DEFAULT_VOTE_SETTINGS: VoteSettings = { mode: 'overall', weights: DEFAULT_WEIGHTS }

export type VoteEntry = voteCounts.CountEntry<VoteBucket>

export interface Votes {
  entries: VoteEntry[]
  settings: VoteSettings
  /** itemId → when the plenary retained it (ms); a record without prototype. */
  retained: Record<string, number>
}

/** The plenary's counts: per wall item (a proposal or a group, ids of the meeting). */
const plenaryCounts = (doc: Y.Doc): voteCounts.CountTarget<VoteBucket> => ({
  doc,
  counts: votesOf(doc),
  settings: voteSettingsOf(doc),
  buckets: VOTE_BUCKETS,
  isItemId: isEntityId,
})

export function readVotes(doc: Y.Doc): Votes {
  const retained = idRecord<number>()
  let notRetained = 0
  retainedOf(doc).forEach((at, itemId) => {
    if (at === null) return
    if (isEntityId(itemId) && timestampSchema.safeParse(at).success) retained[itemId] = at
    else notRetained += 1
  })
  noteSkipped(retainedOf(doc), notRetained)
  return {
    entries: voteCounts.readCounts(plenaryCounts(doc)),
    settings: readVoteSettings(doc),
    retained,
  }
}

function readVoteSettings(doc: Y.Doc): VoteSettings {
  const mode = voteModeSchema.safeParse(voteSettingsOf(doc).get('mode'))
  return {
    mode: mode.success ? mode.data : DEFAULT_VOTE_SETTINGS.mode,
    weights: voteCounts.readWeights(voteSettingsOf(doc)),
  }
}

/** This device's count of hands for an item, overall or for one collège. */
export const enterCount = (
  doc: Y.Doc,
  itemId: string,
  bucket: VoteBucket,
  counterId: string,
  count: number,
  now = Date.now(),
) => voteCounts.enterCount(plenaryCounts(doc), itemId, bucket, counterId, count, now)

/** Takes back this device's count (the field emptied). */
export const withdrawCount = (doc: Y.Doc, itemId: string, bucket: VoteBucket, counterId: string) =>
  voteCounts.withdrawCount(plenaryCounts(doc), itemId, bucket, counterId)

/** Ends a disagreement: every count for this item and bucket becomes `count`. */
export const settleCount = (
  doc: Y.Doc,
  itemId: string,
  bucket: VoteBucket,
  count: number,
  now = Date.now(),
) => voteCounts.settleCount(plenaryCounts(doc), itemId, bucket, count, now)

export function setVoteMode(doc: Y.Doc, mode: VoteMode): void {
  const valid = voteModeSchema.parse(mode)
  doc.transact(() => voteSettingsOf(doc).set('mode', valid), origins.local)
}

export const setWeight = (doc: Y.Doc, college: VoteCollege, weight: number) =>
  voteCounts.setWeight(plenaryCounts(doc), college, weight)

/** Marks an item "retenue en plénière", or takes the mark back. */
export function setRetained(doc: Y.Doc, itemId: string, retained: boolean, now = Date.now()): void {
  if (!isEntityId(itemId)) throw new Error(`bad item id ${itemId}`)
  doc.transact(() => retainedOf(doc).set(itemId, retained ? now : null), origins.local)
}

// ── Tallies and ranking (pure) ──────────────────────────────────────────────────────────────

export interface BucketCount {
  /** The count to use: the agreed one, or the latest entered while counters disagree. */
  value: number | null
  /** The different counts entered, smallest first: one when counters agree. */
  values: number[]
  agreed: boolean
  /** How many devices entered a count. */
  counters: number
}

export function bucketCount(entries: VoteEntry[]): BucketCount {
  if (entries.length === 0) return { value: null, values: [], agreed: true, counters: 0 }
  const latest = entries.reduce((a, b) =>
    b.at > a.at || (b.at === a.at && compareIds(b.counterId, a.counterId) > 0) ? b : a,
  )
  const values = [...new Set(entries.map((entry) => entry.count))].sort((a, b) => a - b)
  return { value: latest.count, values, agreed: values.length === 1, counters: entries.length }
}

export interface ItemTally {
  itemId: string
  buckets: Record<VoteBucket, BucketCount>
  /** Hands counted: the overall count, or the sum of the collèges' counts (unweighted). */
  total: number | null
  /** What ranks the item: the overall count, or the weighted sum of the collèges' counts. */
  score: number | null
  /** Collèges with no count yet (vote by collège), counted as zero meanwhile. */
  missing: VoteCollege[]
  /** Buckets of this vote's mode whose counters disagree. */
  disagreements: VoteBucket[]
}

const round = (value: number) => Math.round(value * 1000) / 1000

export function tallyItem(itemId: string, entries: VoteEntry[], settings: VoteSettings): ItemTally {
  const mine = entries.filter((entry) => entry.itemId === itemId)
  const buckets = Object.fromEntries(
    VOTE_BUCKETS.map((bucket) => [
      bucket,
      bucketCount(mine.filter((entry) => entry.bucket === bucket)),
    ]),
  ) as Record<VoteBucket, BucketCount>
  if (settings.mode === 'overall') {
    const value = buckets.overall.value
    return {
      itemId,
      buckets,
      total: value,
      score: value,
      missing: [],
      disagreements: buckets.overall.agreed ? [] : ['overall'],
    }
  }
  const counted = VOTE_COLLEGES.filter((college) => buckets[college].value !== null)
  const sum = (weigh: (college: VoteCollege) => number) =>
    round(counted.reduce((total, college) => total + buckets[college].value! * weigh(college), 0))
  return {
    itemId,
    buckets,
    total: counted.length === 0 ? null : sum(() => 1),
    score: counted.length === 0 ? null : sum((college) => settings.weights[college]),
    missing: VOTE_COLLEGES.filter((college) => buckets[college].value === null),
    disagreements: VOTE_COLLEGES.filter((college) => !buckets[college].agreed),
  }
}

export interface RankedItem {
  tally: ItemTally
  /** 1 for the highest score; ex æquo share a rank (1, 2, 2, 4). `null` before any count. */
  rank: number | null
  tied: boolean
}

/**
 * Items by score, highest first; equal scores keep the order given (the wall's). Items with no
 * count yet come last, unranked.
 */
export function rankItems(
  itemIds: string[],
  entries: VoteEntry[],
  settings: VoteSettings,
): RankedItem[] {
  // Linear in items and entries: a document may hold tens of thousands of either.
  const entriesOf = new Map<string, VoteEntry[]>()
  for (const entry of entries) {
    const list = entriesOf.get(entry.itemId)
    if (list) list.push(entry)
    else entriesOf.set(entry.itemId, [entry])
  }
  const tallies = itemIds.map((id) => tallyItem(id, entriesOf.get(id) ?? [], settings))
  const scored = tallies
    .map((tally, index) => ({ tally, index }))
    .filter((entry) => entry.tally.score !== null)
    .sort((a, b) => b.tally.score! - a.tally.score! || a.index - b.index)
  // Ex æquo take the rank of the first of them.
  const firstWith = new Map<number, number>()
  const countWith = new Map<number, number>()
  scored.forEach(({ tally }, index) => {
    if (!firstWith.has(tally.score!)) firstWith.set(tally.score!, index)
    countWith.set(tally.score!, (countWith.get(tally.score!) ?? 0) + 1)
  })
  const ranked: RankedItem[] = scored.map(({ tally }) => ({
    tally,
    rank: firstWith.get(tally.score!)! + 1,
    tied: countWith.get(tally.score!)! > 1,
  }))
  const unranked = tallies
    .filter((tally) => tally.score === null)
    .map((tally) => ({ tally, rank: null, tied: false }))
  return [...ranked, ...unranked]
}

// ── Retained in plenary ─────────────────────────────────────────────────────────────────────

/** A proposal (or group) "retenue en plénière": what the follow-up table starts from. */
export interface RetainedItem {
  /** The proposal's id, or the group's. */
  itemId: string
  kind: 'proposal' | 'group'
  /** The wording the plenary retained: the proposal's text, or the group's common wording. */
  text: string
  /** Where it came from: each proposal with its atelier and its original text. */
  origins: Array<{ proposalId: string; atelierId: string; atelierName: string; text: string }>
  retainedAt: number
  score: number | null
  rank: number | null
}

/** The retained items among those on the wall, in ranking order. */
export function retainedItems(wall: Wall, votes: Votes): RetainedItem[] {
  const byId = new Map(wall.items.map((item) => [item.id, item]))
  const origin = ({ proposal, atelier }: WallProposal) => ({
    proposalId: proposal.id,
    atelierId: atelier.id,
    atelierName: atelier.name,
    text: proposal.text,
  })
  return rankItems(
    wall.items.map((item) => item.id),
    votes.entries,
    votes.settings,
  ).flatMap(({ tally, rank }) => {
    const item = byId.get(tally.itemId)!
    const retainedAt = votes.retained[item.id]
    if (retainedAt === undefined) return []
    return [
      {
        itemId: item.id,
        kind: item.kind,
        text: item.text,
        origins: item.origins.map(origin),
        retainedAt,
        score: tally.score,
        rank,
      },
    ]
  })
}

/** The items the plenary retained, read from a meeting document. */
export function readRetained(doc: Y.Doc): RetainedItem[] {
  const wall = buildWall({
    ateliers: readAteliers(doc).filter((atelier) => atelier.removedAt === null),
    proposals: readProposals(doc),
    grouping: readGrouping(doc),
  })
  return retainedItems(wall, readVotes(doc))
}
