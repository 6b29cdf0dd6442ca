/**
 * What a merge would bring, shown before an import is confirmed: a pure comparison of the
 * meeting's plain snapshots before and after, so it says what the user would see changed,
 * whatever Yjs does underneath — deletions included. A hand-over file is untrusted: a file
 * whose update deleted every atelier, proposal and note once reported "aucune proposition
 * nouvelle ou modifiée"; what it would remove, bin or rename is counted and flagged here.
 *
 * To count a new kind of change, add its kind to `ChangeKind`, a counter to `COUNTERS` (its
 * place there is its place in the sentence) and its phrase to `t.handover.changes`.
 */
import type { Atelier } from '../doc/ateliers'
import type { Meeting } from '../doc/meetingDoc'
import type { Proposal } from '../doc/proposals'

export type ChangeKind =
  | 'titleChanged'
  | 'atelierAdded'
  | 'atelierRenamed'
  | 'atelierRemoved'
  | 'proposalAdded'
  | 'proposalModified'
  | 'proposalBinned'
  | 'proposalDeleted'
  | 'noteChanged'
  | 'noteDeleted'

/** The entity a change is about; consecutive changes of one entity share their noun. */
export type ChangeEntity = 'meeting' | 'atelier' | 'proposal' | 'note'

export interface CountedChange {
  kind: ChangeKind
  entity: ChangeEntity
  count: number
  /** It removes, bins or overwrites what is there: the confirmation says so first. */
  destructive: boolean
}

/** The changes that would happen, in a fixed order, each counted at least once. */
export type MergeReport = readonly CountedChange[]

interface Counter {
  kind: ChangeKind
  entity: ChangeEntity
  destructive: boolean
  count: (before: Meeting, after: Meeting) => number
}

const COUNTERS: readonly Counter[] = [
  {
    kind: 'titleChanged',
    entity: 'meeting',
    destructive: true,
    count: (before, after) => (before.title === after.title ? 0 : 1),
  },
  {
    kind: 'atelierAdded',
    entity: 'atelier',
    destructive: false,
    count: (before, after) => added(allAteliers(before), allAteliers(after)),
  },
  {
    kind: 'atelierRenamed',
    entity: 'atelier',
    destructive: true,
    count: (before, after) =>
      changed(allAteliers(before), allAteliers(after), (was, now) => was.name !== now.name),
  },
  {
    // Out of the evening: removed by the file, or gone from the document altogether.
    kind: 'atelierRemoved',
    entity: 'atelier',
    destructive: true,
    count: (before, after) => added(after.ateliers, before.ateliers),
  },
  {
    kind: 'proposalAdded',
    entity: 'proposal',
    destructive: false,
    count: (before, after) => added(before.proposals, after.proposals),
  },
  {
    kind: 'proposalModified',
    entity: 'proposal',
    destructive: false,
    count: (before, after) =>
      changed(before.proposals, after.proposals, (was, now) => was.text !== now.text),
  },
  {
    kind: 'proposalBinned',
    entity: 'proposal',
    destructive: true,
    count: (before, after) =>
      changed(
        before.proposals,
        after.proposals,
        (was, now) => was.deletedAt === null && now.deletedAt !== null,
      ),
  },
  {
    kind: 'proposalDeleted',
    entity: 'proposal',
    destructive: true,
    count: (before, after) => added(after.proposals, before.proposals),
  },
  {
    kind: 'noteChanged',
    entity: 'note',
    destructive: false,
    count: (before, after) => changedNotes(before, after).length,
  },
  {
    kind: 'noteDeleted',
    entity: 'note',
    destructive: true,
    count: (before, after) =>
      Object.keys(before.notes).filter(
        (key) => before.notes[key] !== '' && after.notes[key] === undefined,
      ).length,
  },
]

export function mergeReport(before: Meeting, after: Meeting): MergeReport {
  return COUNTERS.map(({ kind, entity, destructive, count }) => ({
    kind,
    entity,
    destructive,
    count: count(before, after),
  })).filter((change) => change.count > 0)
}

/**
 * The ateliers whose content the merge would change (their details, proposals or notes), in the
 * meeting's order: read from the content, never from the file's header, which anyone can write.
 */
export function touchedAteliers(before: Meeting, after: Meeting): string[] {
  const touched = new Set<string>()
  const wasAtelier = new Map(allAteliers(before).map((atelier) => [atelier.id, atelier]))
  for (const atelier of allAteliers(after))
    if (!sameAtelier(wasAtelier.get(atelier.id), atelier)) touched.add(atelier.id)
  for (const atelier of before.ateliers)
    if (!after.ateliers.some((other) => other.id === atelier.id)) touched.add(atelier.id)
  const wasProposal = new Map(before.proposals.map((proposal) => [proposal.id, proposal]))
  const nowProposal = new Map(after.proposals.map((proposal) => [proposal.id, proposal]))
  for (const proposal of after.proposals)
    if (!sameProposal(wasProposal.get(proposal.id), proposal)) touched.add(proposal.atelierId)
  for (const proposal of before.proposals)
    if (!nowProposal.has(proposal.id)) touched.add(proposal.atelierId)
  // Note records have no prototype (see `readNotes`): a missing key reads `undefined`.
  for (const key of new Set([...Object.keys(before.notes), ...Object.keys(after.notes)]))
    if ((before.notes[key] ?? '') !== (after.notes[key] ?? '')) touched.add(key.split('|')[0]!)
  const names = new Map(
    [...allAteliers(before), ...allAteliers(after)].map((atelier) => [atelier.id, atelier.name]),
  )
  return [...allAteliers(after), ...allAteliers(before)]
    .map((atelier) => atelier.id)
    .filter((id, index, ids) => touched.has(id) && ids.indexOf(id) === index)
    .map((id) => names.get(id)!)
}

const allAteliers = (meeting: Meeting) => [...meeting.ateliers, ...meeting.removedAteliers]

/** Note keys present after whose text differs from before (a new empty note is no change). */
function changedNotes(before: Meeting, after: Meeting): string[] {
  return Object.keys(after.notes).filter((key) => (before.notes[key] ?? '') !== after.notes[key])
}

function sameAtelier(was: Atelier | undefined, now: Atelier): boolean {
  return (
    was !== undefined &&
    was.name === now.name &&
    was.room === now.room &&
    was.facilitatorName === now.facilitatorName &&
    was.reporterName === now.reporterName &&
    was.removedAt === now.removedAt &&
    was.transmittedAt === now.transmittedAt &&
    was.currentStepId === now.currentStepId
  )
}

function sameProposal(was: Proposal | undefined, now: Proposal): boolean {
  return (
    was !== undefined &&
    was.text === now.text &&
    was.validated === now.validated &&
    was.deletedAt === now.deletedAt &&
    was.position === now.position &&
    was.atelierId === now.atelierId
  )
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
