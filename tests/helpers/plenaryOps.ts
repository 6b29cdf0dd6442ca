/**
 * The plenary's edits of a meeting, as data, and the meeting they start from: the coordinator
 * groups the wall, counts hands, retains and drives the projector, while the ateliers keep
 * validating, binning, proposing and transmitting. Like `meetingOps.ts`, operations name their
 * targets by index, resolved modulo what the document holds, so any sequence applies to any
 * state. The plenary's convergence test and the cached reader's property draw them.
 */
import fc from 'fast-check'
import * as Y from 'yjs'
import { transmit } from '../../src/doc/ateliers'
import { buildWall, groupProposals, leaveGroup, ungroup } from '../../src/doc/grouping'
import { createMeeting, readMeeting } from '../../src/doc/meetingDoc'
import { PLENARY_SCREENS, setScreen, setSpotlight } from '../../src/doc/plenary'
import { deleteProposal, restoreProposal, setValidated } from '../../src/doc/proposals'
import { VOTE_COLLEGES } from '../../src/doc/voteCounts'
import {
  enterCount,
  setRetained,
  settleCount,
  setVoteMode,
  setWeight,
  VOTE_BUCKETS,
  withdrawCount,
} from '../../src/doc/votes'
import { validatedProposals } from './meetingOps'

/** One id per text, as a tuple when the texts are. */
type IdsOf<Texts extends readonly string[]> = { -readonly [I in keyof Texts]: string }

/**
 * A meeting at the start of its plenary: one atelier per key of `proposals`, whose proposals are
 * validated (at 1000) and transmitted (at 2000) — by every atelier, or by the first `transmitted`.
 * Ids come back by atelier name, proposals in the order given.
 *
 * @example
 *   const { doc, ateliers: { Logement: a }, proposals: { Logement: [a1, a2], Santé: [b1] } } =
 *     plenaryMeeting({ Logement: ['Un guichet unique', 'Le samedi'], Santé: ['Un interlocuteur'] })
 */
export function plenaryMeeting<const P extends Record<string, readonly string[]>>(
  proposals: P,
  transmitted = Object.keys(proposals).length,
): {
  doc: Y.Doc
  ateliers: { [Name in keyof P]: string }
  proposals: { [Name in keyof P]: IdsOf<P[Name]> }
} {
  const doc = new Y.Doc()
  const names = Object.keys(proposals)
  const ids = createMeeting(doc, { title: 'Soirée', date: '2026-12-03', atelierNames: names })
  const made = names.map((name, i) => validatedProposals(doc, ids[i]!, proposals[name]!, 1000))
  for (const atelierId of ids.slice(0, transmitted)) transmit(doc, atelierId, 2000)
  const byName = <T>(values: T[]) =>
    Object.fromEntries(names.map((name, i) => [name, values[i]!])) as never
  return { doc, ateliers: byName(ids), proposals: byName(made) }
}

/**
 * The coordinator's edits in plenary (grouping the wall, counting hands, retaining, driving the
 * projector) while the ateliers keep validating, binning, proposing and transmitting. Targets are
 * indexes into what the device reads at that moment (proposals, wall items, groups).
 */
export type PlenaryOperation =
  | { kind: 'group'; picks: number[] }
  | { kind: 'ungroup'; group: number }
  | { kind: 'leave'; proposal: number }
  | { kind: 'count'; item: number; bucket: (typeof VOTE_BUCKETS)[number]; count: number }
  | { kind: 'withdraw'; item: number; bucket: (typeof VOTE_BUCKETS)[number] }
  | { kind: 'settle'; item: number; bucket: (typeof VOTE_BUCKETS)[number]; count: number }
  | { kind: 'retain'; item: number; on: boolean }
  | { kind: 'mode'; byCollege: boolean }
  | { kind: 'weight'; college: (typeof VOTE_COLLEGES)[number]; weight: number }
  | { kind: 'screen'; screen: (typeof PLENARY_SCREENS)[number]; item: number | null }
  | { kind: 'validate'; proposal: number; on: boolean }
  | { kind: 'bin'; proposal: number; restore: boolean }
  | { kind: 'propose'; atelier: number }
  | { kind: 'transmit'; atelier: number }

const pick = fc.nat(40)
const handCount = fc.nat(60)
const bucket = fc.constantFrom(...VOTE_BUCKETS)

export const plenaryOperation: fc.Arbitrary<PlenaryOperation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('group' as const),
      picks: fc.array(pick, { minLength: 2, maxLength: 4 }),
    }),
  },
  fc.record({ kind: fc.constant('ungroup' as const), group: pick }),
  fc.record({ kind: fc.constant('leave' as const), proposal: pick }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('count' as const),
      item: pick,
      bucket,
      count: handCount,
    }),
  },
  fc.record({ kind: fc.constant('withdraw' as const), item: pick, bucket }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      item: pick,
      bucket,
      count: handCount,
    }),
  },
  fc.record({ kind: fc.constant('retain' as const), item: pick, on: fc.boolean() }),
  fc.record({ kind: fc.constant('mode' as const), byCollege: fc.boolean() }),
  fc.record({
    kind: fc.constant('weight' as const),
    college: fc.constantFrom(...VOTE_COLLEGES),
    weight: fc.integer({ min: 0, max: 6 }).map((n) => n / 2),
  }),
  fc.record({
    kind: fc.constant('screen' as const),
    screen: fc.constantFrom(...PLENARY_SCREENS),
    item: fc.option(pick),
  }),
  fc.record({ kind: fc.constant('validate' as const), proposal: pick, on: fc.boolean() }),
  fc.record({ kind: fc.constant('bin' as const), proposal: pick, restore: fc.boolean() }),
  fc.record({ kind: fc.constant('propose' as const), atelier: pick }),
  fc.record({ kind: fc.constant('transmit' as const), atelier: pick }),
)

/**
 * Applies one plenary operation to `doc` at time `at`; hand counts are entered as `counter` (one
 * per device). Does nothing when the document lacks its target.
 */
export function applyPlenaryOperation(
  doc: Y.Doc,
  op: PlenaryOperation,
  { at, counter }: { at: number; counter: string },
): void {
  const meeting = readMeeting(doc)
  const wall = buildWall(meeting)
  const nth = <T>(list: T[], i: number): T | undefined => list[i % Math.max(1, list.length)]
  const proposal = (i: number) => nth(meeting.proposals, i)
  const item = (i: number) => nth(wall.items, i)
  switch (op.kind) {
    case 'group': {
      const ids = [...new Set(op.picks.map((i) => proposal(i)?.id))].filter(Boolean) as string[]
      if (ids.length >= 2) groupProposals(doc, ids, `Groupe ${at}`, at)
      return
    }
    case 'ungroup': {
      const group = nth(meeting.grouping.groups, op.group)
      if (group) ungroup(doc, group.id)
      return
    }
    case 'leave':
      if (proposal(op.proposal)) leaveGroup(doc, proposal(op.proposal)!.id)
      return
    case 'count':
      if (item(op.item)) enterCount(doc, item(op.item)!.id, op.bucket, counter, op.count, at)
      return
    case 'withdraw':
      if (item(op.item)) withdrawCount(doc, item(op.item)!.id, op.bucket, counter)
      return
    case 'settle':
      if (item(op.item)) settleCount(doc, item(op.item)!.id, op.bucket, op.count, at)
      return
    case 'retain':
      if (item(op.item)) setRetained(doc, item(op.item)!.id, op.on, at)
      return
    case 'mode':
      setVoteMode(doc, op.byCollege ? 'colleges' : 'overall')
      return
    case 'weight':
      setWeight(doc, op.college, op.weight)
      return
    case 'screen':
      setScreen(doc, op.screen)
      if (op.item !== null && item(op.item))
        setSpotlight(doc, { kind: 'item', id: item(op.item)!.id })
      return
    case 'validate':
      if (proposal(op.proposal)) setValidated(doc, proposal(op.proposal)!.id, op.on, at)
      return
    case 'bin': {
      const p = proposal(op.proposal)
      if (p) (op.restore ? restoreProposal : deleteProposal)(doc, p.id, at)
      return
    }
    case 'propose': {
      validatedProposals(doc, nth(meeting.ateliers, op.atelier)!.id, [`P${at}`], at)
      return
    }
    case 'transmit':
      transmit(doc, nth(meeting.ateliers, op.atelier)!.id, at)
      return
  }
}
