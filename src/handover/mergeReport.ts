/**
 * What a merge brought, for the sentence shown after an import: a pure comparison of the
 * meeting's plain snapshots before and after, so it says what the user sees changed, whatever
 * Yjs did underneath.
 *
 * To count a new kind of change, add its kind to `ChangeKind`, a counter to `COUNTERS` (its
 * place there is its place in the sentence) and its phrase to `t.handover.changes`.
 */
import type { Meeting } from '../doc/meetingDoc'

export type ChangeKind = 'atelierAdded' | 'proposalAdded' | 'proposalModified'

/** The entity a change is about; consecutive changes of one entity share their noun. */
export type ChangeEntity = 'atelier' | 'proposal'

export interface CountedChange {
  kind: ChangeKind
  entity: ChangeEntity
  count: number
}

/** The changes that happened, in a fixed order, each counted at least once. Empty: nothing new. */
export type MergeReport = readonly CountedChange[]

interface Counter {
  kind: ChangeKind
  entity: ChangeEntity
  count: (before: Meeting, after: Meeting) => number
}

const COUNTERS: readonly Counter[] = [
  {
    kind: 'atelierAdded',
    entity: 'atelier',
    count: (before, after) => added(before.ateliers, after.ateliers),
  },
  {
    kind: 'proposalAdded',
    entity: 'proposal',
    count: (before, after) => added(before.proposals, after.proposals),
  },
  {
    kind: 'proposalModified',
    entity: 'proposal',
    count: (before, after) =>
      changed(before.proposals, after.proposals, (was, now) => was.text !== now.text),
  },
]

export function mergeReport(before: Meeting, after: Meeting): MergeReport {
  return COUNTERS.map(({ kind, entity, count }) => ({
    kind,
    entity,
    count: count(before, after),
  })).filter((change) => change.count > 0)
}

/** Entities present after and not before. */
function added(before: readonly { id: string }[], after: readonly { id: string }[]): number {
  const known = new Set(before.map((entity) => entity.id))
  return after.filter((entity) => !known.has(entity.id)).length
}

/** Entities present on both sides for which `differs` holds. */
function changed<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  differs: (was: T, now: T) => boolean,
): number {
  const was = new Map(before.map((entity) => [entity.id, entity]))
  return after.filter((entity) => {
    const previous = was.get(entity.id)
    return previous !== undefined && differs(previous, entity)
  }).length
}
