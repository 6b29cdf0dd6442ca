import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAtelier } from './ateliers'
import { createMeeting, readMeeting } from './meetingDoc'
import { addProposal } from './proposals'

/**
 * Convergence: replicas edit the meeting concurrently and exchange updates along random
 * partitions; once everyone has talked to everyone, every replica reads the same meeting.
 * fast-check prints the seed of any failing run; replay it with `{ seed, path }`.
 */
const REPLICAS = 3

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('proposal' as const),
    replica: fc.nat(REPLICAS - 1),
    atelier: fc.nat(5),
    text: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
    at: fc.integer({ min: 0, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('atelier' as const),
    replica: fc.nat(REPLICAS - 1),
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
  }),
  fc.record({
    kind: fc.constant('sync' as const),
    from: fc.nat(REPLICAS - 1),
    to: fc.nat(REPLICAS - 1),
  }),
)

function pushUpdates(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

describe('meeting document convergence', () => {
  it('converges for random edits on random partitions', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const origin = new Y.Doc()
        createMeeting(origin, { title: 'Soirée', date: '2026-12-03', atelierNames: ['A', 'B'] })
        const replicas = Array.from({ length: REPLICAS }, () => new Y.Doc())
        for (const replica of replicas) pushUpdates(origin, replica)
        let expectedProposals = 0
        for (const op of operations) {
          if (op.kind === 'sync') {
            pushUpdates(replicas[op.from]!, replicas[op.to]!)
          } else if (op.kind === 'atelier') {
            addAtelier(replicas[op.replica]!, op.name)
          } else {
            const doc = replicas[op.replica]!
            const ateliers = readMeeting(doc).ateliers
            const atelier = ateliers[op.atelier % ateliers.length]!
            addProposal(
              doc,
              { atelierId: atelier.id, text: op.text, authorRole: 'reporter' },
              op.at,
            )
            expectedProposals += 1
          }
        }
        for (const a of replicas) for (const b of replicas) pushUpdates(a, b)
        const [first, ...others] = replicas.map(readMeeting)
        for (const other of others) expect(other).toEqual(first)
        expect(first!.proposals).toHaveLength(expectedProposals)
      }),
      { numRuns: 200 },
    )
  })
})
