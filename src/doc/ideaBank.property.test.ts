import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyIdeaBankOperation, ideaBankOperation } from '../../tests/helpers/ideaBankOps'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'
import { ReplicaNetwork, stepOf } from '../../tests/helpers/replicaNetwork'
import { readFollowUp } from './followUp'
import { readIdeaBank, type IdeaBank } from './ideaBank'
import { addIdeas } from './ideaCollect'
import { rankIdeas } from './ideaVotes'

/**
 * Convergence of the idea bank: three coordinator devices collect, sort, group, sieve, count
 * and choose chantiers at random, each offline, along random partitions, late, lost and re-synced
 * updates. At every moment on every device each idea outside the bin is shown exactly once, in
 * one item, and every item is in one live axis or "à classer"; once everyone has talked to
 * everyone, every device reads the same bank and the same tableau de suivi. fast-check prints
 * the seed and path of a failing run; replay it (tests/helpers/property.ts) and keep it as a
 * named case.
 */
const REPLICAS = 3

const step = stepOf(REPLICAS, ideaBankOperation, { edit: 3, network: 1 })

/** A bank of six ideas from a forum's paper sheets. */
const START = (() => {
  const doc = new Y.Doc()
  addIdeas(doc, ['a', 'b', 'c', 'd', 'e', 'f'], { kind: 'paper', label: 'Forum' }, 1)
  return Y.encodeStateAsUpdate(doc)
})()

/** Every idea outside the bin in exactly one item; every item in one live axis or none. */
function checkInvariants(bank: IdeaBank) {
  const shown = bank.items.flatMap((item) => item.ideas.map((idea) => idea.id)).sort()
  expect(shown).toEqual(bank.ideas.map((idea) => idea.id).sort())
  expect(new Set(bank.items.map((item) => item.id)).size).toBe(bank.items.length)
  const axes = new Set(bank.axes.map((axis) => axis.id))
  for (const item of bank.items) {
    if (item.axisId !== null) expect(axes.has(item.axisId)).toBe(true)
    if (item.kind === 'group') expect(item.ideas.length).toBeGreaterThanOrEqual(2)
    for (const idea of item.ideas) expect(idea.removedAt).toBeNull()
  }
  const passing = bank.items.filter((item) => item.sieve === 'pass').map((item) => item.id)
  const ranking = rankIdeas(passing, bank.votes, bank.weights)
  expect(ranking.rows).toHaveLength(passing.length)
  for (const row of ranking.rows)
    if (row.tally.score !== null) {
      expect(row.tally.score).toBeGreaterThanOrEqual(0)
      expect(row.tally.score).toBeLessThanOrEqual(1)
    }
}

describe('idea bank convergence', () => {
  it(
    'converges for concurrent collecting, sorting, grouping, sieving, votes and chantiers',
    () =>
      checkProperty(
        fc.property(fc.array(step, { maxLength: 50 }), (steps) => {
          const network = new ReplicaNetwork(REPLICAS, START)
          try {
            network.play(steps, (doc, op, replica, index) => {
              applyIdeaBankOperation(doc, op, { at: 1000 + index, counter: `counter${replica}` })
              checkInvariants(readIdeaBank(doc))
            })
            network.heal()
            const bank = network.sameEverywhere(readIdeaBank)
            const followUp = network.sameEverywhere(readFollowUp)
            checkInvariants(bank)
            // Every chantier chosen on any device is in the tableau de suivi.
            for (const item of bank.items.filter((entry) => entry.projectAt !== null))
              expect(followUp.some((entry) => entry.id === `banque-idees:${item.id}`)).toBe(true)
          } finally {
            network.destroy()
          }
        }),
        150,
      ),
    PROPERTY_TEST_TIMEOUT,
  )
})
