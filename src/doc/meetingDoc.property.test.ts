import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAtelier, goToStep, readAteliers, updateTimer } from './ateliers'
import { adjustAttendance, COLLEGES } from './attendance'
import { createMeeting, readMeeting } from './meetingDoc'
import { editNote, noteKey } from './notes'
import {
  addProposal,
  deleteProposal,
  editProposal,
  moveProposal,
  readProposals,
  restoreProposal,
  setValidated,
} from './proposals'
import { addTime, pause, reset, start } from './timer'

/**
 * Convergence: 2–3 replicas make random edits of every kind and exchange updates along random
 * partitions; once everyone has talked to everyone, every replica reads the same meeting and
 * the invariants hold. fast-check prints the seed of a failing run; replay it with
 * `{ seed, path }` in the options below, and keep it as a named case if it finds a bug.
 */
const MAX_REPLICAS = 3

const replica = fc.nat(MAX_REPLICAS - 1)
const pick = fc.nat(50)
const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0)

const operation = fc.oneof(
  fc.record({ kind: fc.constant('propose' as const), replica, atelier: pick, text }),
  fc.record({ kind: fc.constant('edit' as const), replica, proposal: pick, text }),
  fc.record({ kind: fc.constant('validate' as const), replica, proposal: pick, on: fc.boolean() }),
  fc.record({ kind: fc.constant('bin' as const), replica, proposal: pick, restore: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), replica, proposal: pick, up: fc.boolean() }),
  fc.record({ kind: fc.constant('atelier' as const), replica, text }),
  fc.record({
    kind: fc.constant('timer' as const),
    replica,
    atelier: pick,
    action: fc.constantFrom('start', 'pause', 'plus', 'reset', 'next'),
    at: fc.integer({ min: 0, max: 10_000_000 }),
  }),
  fc.record({
    kind: fc.constant('attend' as const),
    replica,
    atelier: pick,
    college: fc.constantFrom(...COLLEGES),
    up: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('type' as const), replica, atelier: pick, at: pick, text }),
  fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica }),
)
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

function push(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

function run(doc: Y.Doc, op: Exclude<Operation, { kind: 'sync' }>): 'added' | void {
  const meeting = readMeeting(doc)
  const atelier = (i: number) => meeting.ateliers[i % meeting.ateliers.length]!
  const proposal = (i: number) => meeting.proposals[i % Math.max(1, meeting.proposals.length)]
  switch (op.kind) {
    case 'propose':
      addProposal(doc, { atelierId: atelier(op.atelier).id, text: op.text, authorRole: 'reporter' })
      return 'added'
    case 'edit':
      if (proposal(op.proposal)) editProposal(doc, proposal(op.proposal)!.id, op.text)
      return
    case 'validate':
      if (proposal(op.proposal)) setValidated(doc, proposal(op.proposal)!.id, op.on)
      return
    case 'bin': {
      const p = proposal(op.proposal)
      if (p) (op.restore ? restoreProposal : deleteProposal)(doc, p.id)
      return
    }
    case 'move': {
      const p = proposal(op.proposal)
      if (p && p.deletedAt === null) moveProposal(doc, p.id, op.up ? -1 : 1)
      return
    }
    case 'atelier':
      addAtelier(doc, op.text)
      return
    case 'timer': {
      const { id, currentStepId } = atelier(op.atelier)
      if (op.action === 'next') {
        const index = meeting.script.findIndex((s) => s.id === currentStepId)
        goToStep(doc, id, meeting.script[(index + 1) % meeting.script.length]!.id)
      } else {
        const action = {
          start: (s: Parameters<typeof start>[0]) => start(s, op.at),
          pause: (s: Parameters<typeof pause>[0]) => pause(s, op.at),
          plus: (s: Parameters<typeof addTime>[0]) => addTime(s, 60_000),
          reset,
        }[op.action]
        updateTimer(doc, id, action, op.at)
      }
      return
    }
    case 'attend':
      adjustAttendance(doc, atelier(op.atelier).id, op.college, op.up ? 1 : -1)
      return
    case 'type': {
      const a = atelier(op.atelier)
      const step = meeting.script[0]!
      const key = noteKey(a.id, step.id, step.questions[0]!.id)
      const current = meeting.notes[key] ?? ''
      editNote(doc, key, { index: op.at % (current.length + 1), deleteCount: 0, insert: op.text })
      return
    }
  }
}

describe('meeting document convergence', () => {
  it('converges for random edits of every kind on random partitions, keeping its invariants', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: MAX_REPLICAS }),
        fc.array(operation, { maxLength: 60 }),
        (replicaCount, operations) => {
          const origin = new Y.Doc()
          createMeeting(origin, { title: 'Soirée', date: '2026-12-03', atelierNames: ['A', 'B'] })
          const replicas = Array.from({ length: replicaCount }, () => new Y.Doc())
          for (const r of replicas) push(origin, r)
          let added = 0
          for (const op of operations) {
            if (op.kind === 'sync')
              push(replicas[op.from % replicaCount]!, replicas[op.to % replicaCount]!)
            else if (run(replicas[op.replica % replicaCount]!, op) === 'added') added += 1
          }
          for (const a of replicas) for (const b of replicas) push(a, b)

          const [first, ...others] = replicas.map(readMeeting)
          for (const other of others) expect(other).toEqual(first)
          // No proposal lost or duplicated, bin included.
          expect(first!.proposals).toHaveLength(added)
          expect(new Set(first!.proposals.map((p) => p.id)).size).toBe(added)
          expect(readProposals(replicas[0]!)).toEqual(first!.proposals)
          // One timer per atelier, always about its current step.
          for (const atelier of readAteliers(replicas[0]!))
            if (atelier.timer) expect(atelier.timer.stepId).toBeTypeOf('string')
          // Counts never negative.
          for (const counts of Object.values(first!.attendance))
            for (const college of COLLEGES) expect(counts[college]).toBeGreaterThanOrEqual(0)
        },
      ),
      { numRuns: 150 },
    )
  })
})
