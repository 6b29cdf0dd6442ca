/**
 * Show-of-hands counts: the one mechanism behind both votes of Tandem, the plenary's (meeting
 * document, `votes.ts`) and the idea bank's vote by collège (committee document,
 * `ideaVotes.ts`). Each vote passes in its own target: a map of counts and a map of settings.
 *
 *   <counts>    Y.Map  "<itemId>|<bucket>|<counterId>" → { count, at }
 *   <settings>  Y.Map  "weight.<college>" → number (beside the vote's other settings)
 *
 * Two people may count the same hands, each on their own device: each device writes only under
 * its own counter id, so both counts are kept and compared, never overwritten. A count both
 * agree on is the count; otherwise the latest is used meanwhile and the coordinator settles it
 * (`settleCount`) once the room has recounted. Counts only, never names.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { compareIds } from './layout'
import { origins } from './origins'
import { isEntityId, noteSkipped, readEntity, timestampSchema } from './untrusted'

/** The collèges of a vote by collège (Angers): usagers, agents, partenaires, élus. */
export const VOTE_COLLEGES = ['usager', 'agent', 'partner', 'elected'] as const
export type VoteCollege = (typeof VOTE_COLLEGES)[number]

/** More hands than any town hall holds: a typing slip, refused. */
export const COUNT_MAX = 10_000
export const WEIGHT_MAX = 100

export const countSchema = z.number().int().min(0).max(COUNT_MAX)
export const weightSchema = z.number().min(0).max(WEIGHT_MAX)
export const voteValueSchema = z.object({ count: countSchema, at: timestampSchema })

export type CollegeWeights = Record<VoteCollege, number>
/** Every collège counts the same until the committee decides otherwise. */
export const DEFAULT_WEIGHTS: CollegeWeights = { usager: 1, agent: 1, partner: 1, elected: 1 }

/** Where one vote keeps its counts, and what its keys may hold. */
export interface CountTarget<B extends string> {
  doc: Y.Doc
  counts: Y.Map<unknown>
  settings: Y.Map<unknown>
  /** Where a count may go: the plenary's "overall" and collèges, or the collèges only. */
  buckets: readonly B[]
  /** The ids of this vote's items: a meeting's entity ids, or the committee's compound ids. */
  isItemId: (value: unknown) => value is string
}

export interface CountEntry<B extends string> {
  itemId: string
  bucket: B
  /** The device that counted (a random id, never a name). */
  counterId: string
  count: number
  at: number
}

const countKey = (itemId: string, bucket: string, counterId: string) =>
  `${itemId}|${bucket}|${counterId}`

function checkItem<B extends string>(target: CountTarget<B>, itemId: string, bucket: B) {
  if (!target.isItemId(itemId)) throw new Error(`bad item id ${itemId}`)
  if (!target.buckets.includes(bucket)) throw new Error(`unknown bucket ${bucket}`)
}

/** Every valid count, in one order on every device; the others are skipped and counted. */
export function readCounts<B extends string>(target: CountTarget<B>): Array<CountEntry<B>> {
  const entries: Array<CountEntry<B>> = []
  let skipped = 0
  target.counts.forEach((value, key) => {
    const [itemId, bucket, counterId, ...rest] = key.split('|')
    const parsed = readEntity(voteValueSchema, value)
    const valid =
      target.isItemId(itemId) &&
      isEntityId(counterId) &&
      rest.length === 0 &&
      target.buckets.includes(bucket as B)
    if (!valid || parsed === null) skipped += 1
    else entries.push({ itemId, bucket: bucket as B, counterId, ...parsed })
  })
  noteSkipped(target.counts, skipped)
  return entries.sort(
    (a, b) =>
      compareIds(a.itemId, b.itemId) ||
      compareIds(a.bucket, b.bucket) ||
      compareIds(a.counterId, b.counterId),
  )
}

/** This device's count of hands for an item in one bucket. */
export function enterCount<B extends string>(
  target: CountTarget<B>,
  itemId: string,
  bucket: B,
  counterId: string,
  count: number,
  now = Date.now(),
): void {
  checkItem(target, itemId, bucket)
  if (!isEntityId(counterId)) throw new Error(`bad counter id ${counterId}`)
  const valid = countSchema.parse(count)
  target.doc.transact(
    () => target.counts.set(countKey(itemId, bucket, counterId), { count: valid, at: now }),
    origins.local,
  )
}

/** Takes back this device's count (the field emptied). */
export function withdrawCount<B extends string>(
  target: CountTarget<B>,
  itemId: string,
  bucket: B,
  counterId: string,
): void {
  target.doc.transact(
    () => target.counts.delete(countKey(itemId, bucket, counterId)),
    origins.local,
  )
}

/**
 * Ends a disagreement: every count entered for this item and bucket becomes `count` (the
 * coordinator's decision after a recount). Each counter keeps its own entry, now agreeing.
 */
export function settleCount<B extends string>(
  target: CountTarget<B>,
  itemId: string,
  bucket: B,
  count: number,
  now = Date.now(),
): void {
  checkItem(target, itemId, bucket)
  const valid = countSchema.parse(count)
  const prefix = `${itemId}|${bucket}|`
  target.doc.transact(() => {
    for (const key of Array.from(target.counts.keys()))
      if (key.startsWith(prefix)) target.counts.set(key, { count: valid, at: now })
  }, origins.local)
}

/** The collèges' weights; a missing or invalid one is the default. */
export function readWeights(settings: Y.Map<unknown>): CollegeWeights {
  const weights = { ...DEFAULT_WEIGHTS }
  for (const college of VOTE_COLLEGES) {
    const weight = weightSchema.safeParse(settings.get(`weight.${college}`))
    if (weight.success) weights[college] = weight.data
  }
  return weights
}

/** One key per collège, so two devices changing two weights at once both keep theirs. */
export function setWeight<B extends string>(
  target: CountTarget<B>,
  college: VoteCollege,
  weight: number,
): void {
  if (!VOTE_COLLEGES.includes(college)) throw new Error(`unknown collège ${college}`)
  const valid = weightSchema.parse(weight)
  target.doc.transact(() => target.settings.set(`weight.${college}`, valid), origins.local)
}
