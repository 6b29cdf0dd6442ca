import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { transmit } from './ateliers'
import { buildWall, groupProposals, leaveGroup, ungroup, type Wall } from './grouping'
import { createMeeting, readMeeting, type Meeting } from './meetingDoc'
import { setScreen, setSpotlight, PLENARY_SCREENS } from './plenary'
import { addProposal, deleteProposal, restoreProposal, setValidated } from './proposals'
import {
  enterCount,
  rankItems,
  setRetained,
  settleCount,
  setVoteMode,
  setWeight,
  VOTE_BUCKETS,
  withdrawCount,
} from './votes'
import { VOTE_COLLEGES } from './voteCounts'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'

/**
 * Convergence of the plenary: two coordinator devices (and the ateliers' tablets, replica 2)
 * group, ungroup, count hands, settle, retain and spotlight at random while the ateliers keep
 * validating and binning, along random partitions. At every moment on every device, and once
 * everyone has talked to everyone, each proposal on the wall appears exactly once and no tally
 * is negative; in the end every device reads the same plenary. fast-check prints the seed of a
 * failing run; replay it with `{ seed, path }` below, and keep it as a named case.
 */
const REPLICAS = 3
const replica = fc.nat(REPLICAS - 1)
const pick = fc.nat(40)
const count = fc.nat(60)
const bucket = fc.constantFrom(...VOTE_BUCKETS)

const operation = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('group' as const),
      replica,
      picks: fc.array(pick, { minLength: 2, maxLength: 4 }),
    }),
  },
  fc.record({ kind: fc.constant('ungroup' as const), replica, group: pick }),
  fc.record({ kind: fc.constant('leave' as const), replica, proposal: pick }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('count' as const),
      replica,
      item: pick,
      bucket,
      count,
    }),
  },
  fc.record({ kind: fc.constant('withdraw' as const), replica, item: pick, bucket }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      replica,
      item: pick,
      bucket,
      count,
    }),
  },
  fc.record({ kind: fc.constant('retain' as const), replica, item: pick, on: fc.boolean() }),
  fc.record({ kind: fc.constant('mode' as const), replica, byCollege: fc.boolean() }),
  fc.record({
    kind: fc.constant('weight' as const),
    replica,
    college: fc.constantFrom(...VOTE_COLLEGES),
    weight: fc.integer({ min: 0, max: 6 }).map((n) => n / 2),
  }),
  fc.record({
    kind: fc.constant('screen' as const),
    replica,
    screen: fc.constantFrom(...PLENARY_SCREENS),
    item: fc.option(pick),
  }),
  fc.record({ kind: fc.constant('validate' as const), replica, proposal: pick, on: fc.boolean() }),
  fc.record({ kind: fc.constant('bin' as const), replica, proposal: pick, restore: fc.boolean() }),
  fc.record({ kind: fc.constant('propose' as const), replica, atelier: pick }),
  fc.record({ kind: fc.constant('transmit' as const), replica, atelier: pick }),
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica }),
  },
)
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

function push(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

function run(doc: Y.Doc, index: number, op: Exclude<Operation, { kind: 'sync' }>, at: number) {
  const meeting = readMeeting(doc)
  const wall = buildWall(meeting)
  const nth = <T>(list: T[], i: number): T | undefined => list[i % Math.max(1, list.length)]
  const proposal = (i: number) => nth(meeting.proposals, i)
  const item = (i: number) => nth(wall.items, i)
  const group = (i: number) => nth(meeting.grouping.groups, i)
  const counter = `counter${index}`
  switch (op.kind) {
    case 'group': {
      const ids = [...new Set(op.picks.map((i) => proposal(i)?.id))].filter(Boolean) as string[]
      if (ids.length >= 2) groupProposals(doc, ids, `Groupe ${at}`, at)
      return
    }
    case 'ungroup':
      if (group(op.group)) ungroup(doc, group(op.group)!.id)
      return
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
      const atelierId = nth(meeting.ateliers, op.atelier)!.id
      const id = addProposal(doc, { atelierId, text: `P${at}`, authorRole: 'reporter' }, at)
      setValidated(doc, id, true, at)
      return
    }
    case 'transmit':
      transmit(doc, nth(meeting.ateliers, op.atelier)!.id, at)
      return
  }
}

/** Each proposal on the wall appears exactly once; groups hold two or more; no tally below 0. */
function checkInvariants(meeting: Meeting, wall: Wall) {
  const atelierIds = new Set(
    meeting.ateliers.filter((a) => a.transmittedAt !== null).map((a) => a.id),
  )
  const expected = meeting.proposals
    .filter((p) => p.validated && p.deletedAt === null && atelierIds.has(p.atelierId))
    .map((p) => p.id)
    .sort()
  const shown = wall.items.flatMap((item) => item.origins.map((o) => o.proposal.id)).sort()
  expect(shown).toEqual(expected)
  expect(new Set(wall.items.map((item) => item.id)).size).toBe(wall.items.length)
  for (const group of wall.groups) expect(group.origins.length).toBeGreaterThanOrEqual(2)
  const ranking = rankItems(
    wall.items.map((item) => item.id),
    meeting.votes.entries,
    meeting.votes.settings,
  )
  expect(ranking).toHaveLength(wall.items.length)
  let previous = Infinity
  for (const { tally, rank } of ranking) {
    for (const bucketCount of Object.values(tally.buckets))
      for (const value of bucketCount.values) expect(value).toBeGreaterThanOrEqual(0)
    if (tally.score !== null) {
      expect(tally.score).toBeGreaterThanOrEqual(0)
      expect(tally.score).toBeLessThanOrEqual(previous)
      expect(rank).not.toBeNull()
      previous = tally.score
    }
  }
}

describe('plenary convergence', () => {
  it(
    'converges for random grouping and voting on two coordinator devices, keeping its invariants',
    () =>
      checkProperty(
        fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
          const origin = new Y.Doc()
          const ateliers = createMeeting(origin, {
            title: 'Soirée',
            date: '2026-12-03',
            atelierNames: ['A', 'B', 'C'],
          })
          for (const [i, atelierId] of ateliers.entries())
            for (const n of [1, 2]) {
              const id = addProposal(
                origin,
                { atelierId, text: `${i}.${n}`, authorRole: 'reporter' },
                10,
              )
              setValidated(origin, id, true, 10)
            }
          transmit(origin, ateliers[0]!, 20)
          transmit(origin, ateliers[1]!, 20)
          const replicas = Array.from({ length: REPLICAS }, () => new Y.Doc())
          for (const r of replicas) push(origin, r)

          for (const [step, op] of operations.entries()) {
            if (op.kind === 'sync') {
              push(replicas[op.from]!, replicas[op.to]!)
              continue
            }
            const doc = replicas[op.replica]!
            run(doc, op.replica, op, 1000 + step)
            const meeting = readMeeting(doc)
            checkInvariants(meeting, buildWall(meeting))
          }
          for (const a of replicas) for (const b of replicas) push(a, b)

          const [first, ...others] = replicas.map(readMeeting)
          for (const other of others) expect(other).toEqual(first)
          checkInvariants(first!, buildWall(first!))
        }),
        100,
      ),
    PROPERTY_TEST_TIMEOUT,
  )
})
