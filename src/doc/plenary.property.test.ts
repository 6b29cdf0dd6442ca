import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  applyPlenaryOperation,
  plenaryMeeting,
  plenaryOperation,
} from '../../tests/helpers/plenaryOps'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'
import { ReplicaNetwork, stepOf } from '../../tests/helpers/replicaNetwork'
import { buildWall, type Wall } from './grouping'
import { readMeeting, type Meeting } from './meetingDoc'
import { rankItems } from './votes'

/**
 * Convergence of the plenary: two coordinator devices (and the ateliers' tablets, replica 2)
 * group, ungroup, count hands, settle, retain and spotlight at random while the ateliers keep
 * validating and binning, along random partitions, late, lost and re-synced updates. At every
 * moment on every device, and once everyone has talked to everyone, each proposal on the wall
 * appears exactly once and no tally is negative; in the end every device reads the same plenary.
 * fast-check prints the seed of a failing run; replay it (tests/helpers/property.ts) and keep it
 * as a named case.
 */
const REPLICAS = 3

const step = stepOf(REPLICAS, plenaryOperation, { edit: 3, network: 1 })

/** Three ateliers of two validated proposals each; the first two have transmitted. */
const START = Y.encodeStateAsUpdate(
  plenaryMeeting({ A: ['0.1', '0.2'], B: ['1.1', '1.2'], C: ['2.1', '2.2'] }, 2).doc,
)

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
        fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
          const network = new ReplicaNetwork(REPLICAS, START)
          try {
            network.play(steps, (doc, op, replica, index) => {
              applyPlenaryOperation(doc, op, { at: 3000 + index, counter: `counter${replica}` })
              const meeting = readMeeting(doc)
              checkInvariants(meeting, buildWall(meeting))
            })
            network.heal()
            const meeting = network.sameEverywhere(readMeeting)
            checkInvariants(meeting, buildWall(meeting))
          } finally {
            network.destroy()
          }
        }),
        100,
      ),
    PROPERTY_TEST_TIMEOUT,
  )
})
