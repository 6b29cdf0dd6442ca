/**
 * Convergence at scale: five devices edit one meeting through the app's own operations while a
 * random network partitions them, delivers their updates late, out of order or not at all (a
 * dropped connection), and lets some of them re-sync; once everyone has talked to everyone,
 * every device reads the same meeting and the app's invariants hold.
 *
 * Seeded: fast-check prints the seed and path of a failing run. Replay one with
 * `TANDEM_PROPERTY_SEED=<seed> TANDEM_PROPERTY_PATH=<path>`; a failure worth keeping becomes a
 * named case in `REGRESSIONS` below (the operations, written out), which always runs first.
 * 2,000 runs (about 4 s on an idle 2-core laptop) or 10 s, whichever ends first: a loaded CI
 * machine makes fewer runs rather than time out (tests/helpers/property.ts). For a longer hunt,
 * `TANDEM_PROPERTY_RUNS=40000 TANDEM_PROPERTY_SECONDS=600` (hunts of 40,000 runs found nothing).
 *
 * The operations come from `tests/helpers/meetingOps.ts`, shared with the fault-matrix tests:
 * a new kind of edit added there is exercised here too.
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import {
  applyOperation,
  clockOf,
  meetingOperation,
  newMeetingUpdate,
  ownClock,
  ownTallies,
  type MeetingOperation,
} from '../../tests/helpers/meetingOps'
import { currentTimer } from './ateliers'
import { COLLEGES } from './attendance'
import { readMeeting } from './meetingDoc'
import { noteKey } from './notes'
import { remaining } from './timer'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'
import {
  mergeOrder,
  ReplicaNetwork,
  stepOf,
  type ReplicaStep,
} from '../../tests/helpers/replicaNetwork'

const REPLICAS = 5
const RUNS = 2000

/** What happens, in order: a device edits, or the network changes and messages move. */
type Step = ReplicaStep<MeetingOperation>

const step = stepOf(REPLICAS, meetingOperation, { edit: 6, network: 8 })

const SEED_UPDATE = newMeetingUpdate()

interface Outcome {
  network: ReplicaNetwork
  created: string[]
  /** Sum of every attendance tap any device recorded, by `<atelierId>|<college>`. */
  taps: Map<string, number>
  /** Each device's own clock and attendance tallies when it stopped editing. */
  own: Array<{ clientId: number; clock: number; tallies: Map<string, number> }>
}

/** Plays the steps on five devices, heals the network, merges in `order`. */
function play(steps: Step[], order: Array<[number, number]>): Outcome {
  const network = new ReplicaNetwork(REPLICAS, SEED_UPDATE)
  const created: string[] = []
  const taps = new Map<string, number>()
  network.play(steps, (doc, op) => {
    const { proposal, tap } = applyOperation(doc, op)
    if (proposal) created.push(proposal)
    if (tap) {
      const key = `${tap.atelierId}|${tap.college}`
      taps.set(key, (taps.get(key) ?? 0) + tap.delta)
    }
  })
  const own = network.docs.map((doc) => ({
    clientId: doc.clientID,
    clock: ownClock(doc),
    tallies: ownTallies(doc),
  }))
  network.heal(order)
  return { network, created, taps, own }
}

/**
 * Throws on the first broken invariant. Written with `node:assert` rather than `expect`: it runs
 * some fifty checks per case, two thousand cases per run, and `expect` costs ten times more.
 */
function checkInvariants({ network, created, taps, own }: Outcome): void {
  // Identical everywhere: the same meeting, the same Yjs state.
  const meeting = network.sameEverywhere(readMeeting)
  const docs = network.docs

  // Nothing lost: every edit of every device is in, every proposal ever made (bin included) once.
  for (const device of own) assert.equal(clockOf(docs[0]!, device.clientId), device.clock)
  assert.deepStrictEqual(meeting.proposals.map((p) => p.id).sort(), [...created].sort())
  const attendance = docs[0]!.getMap('attendance')
  for (const device of own)
    for (const [key, count] of device.tallies) assert.equal(attendance.get(key), count, key)
  // Every tap counted, two tablets tapping at once included (shown never below zero).
  for (const [key, sum] of taps) {
    const [atelierId, college] = key.split('|') as [string, (typeof COLLEGES)[number]]
    assert.equal(meeting.attendance[atelierId]?.[college] ?? 0, Math.max(0, sum), key)
  }

  // The app's rules over the merged meeting.
  const stepIds = meeting.script.map((s) => s.id)
  const atelierIds = new Set(meeting.ateliers.map((a) => a.id))
  for (const atelier of meeting.ateliers) {
    assert.ok(atelier.currentStepId === null || stepIds.includes(atelier.currentStepId))
    // The timer shown is always the current step's, whatever the concurrent presses.
    const timer = currentTimer(atelier)
    assert.equal(timer?.stepId ?? null, atelier.currentStepId)
    if (timer) {
      const duration = meeting.script.find((s) => s.id === timer.stepId)!.durationMinutes * 60_000
      for (const now of [0, 5_000_000, 20_000_000]) {
        const left = remaining(timer, duration, now)
        assert.ok(left >= 0 && left <= duration + timer.extraMs, `remaining ${left}`)
      }
    }
    // Every atelier has its notes, whichever device created it.
    for (const s of meeting.script)
      for (const q of s.questions)
        assert.equal(typeof meeting.notes[noteKey(atelier.id, s.id, q.id)], 'string')
  }
  for (const p of meeting.proposals) {
    assert.ok(atelierIds.has(p.atelierId), `proposal ${p.id} of an unknown atelier`)
    assert.ok(Number.isFinite(p.position))
  }
  for (const counts of Object.values(meeting.attendance))
    for (const college of COLLEGES) assert.ok(counts[college] >= 0)
}

/** One case: play, check, free. Throws (an `expect`) on the first broken invariant. */
function runCase(steps: Step[], order: Array<[number, number]>): void {
  const outcome = play(steps, order)
  try {
    checkInvariants(outcome)
  } finally {
    outcome.network.destroy()
  }
}

const property = fc.property(fc.array(step, { maxLength: 32 }), mergeOrder(REPLICAS), runCase)

/**
 * Named cases, always run first. Each is a situation worth pinning down by name; a failing seed
 * found by the random runs is added here as its written-out steps.
 */
const REGRESSIONS: Array<{ name: string; steps: Step[] }> = [
  {
    name: 'two tablets tap "+1 élu" at the same moment: both taps count',
    steps: [
      { kind: 'partition', islands: [0, 1, 2, 2, 2] },
      {
        kind: 'edit',
        replica: 0,
        op: { kind: 'attend', atelier: 0, college: 'elected', up: true },
      },
      {
        kind: 'edit',
        replica: 1,
        op: { kind: 'attend', atelier: 0, college: 'elected', up: true },
      },
      {
        kind: 'edit',
        replica: 1,
        op: { kind: 'attend', atelier: 0, college: 'elected', up: false },
      },
      {
        kind: 'edit',
        replica: 2,
        op: { kind: 'attend', atelier: 0, college: 'elected', up: true },
      },
    ],
  },
  {
    name: 'a proposal validated on one island and binned on the other stays in the bin, not lost',
    steps: [
      { kind: 'edit', replica: 0, op: { kind: 'propose', atelier: 0, text: 'Un numéro unique' } },
      { kind: 'sync', a: 0, b: 1 },
      { kind: 'partition', islands: [0, 1, 0, 1, 0] },
      { kind: 'edit', replica: 0, op: { kind: 'validate', proposal: 0, on: true } },
      { kind: 'edit', replica: 1, op: { kind: 'bin', proposal: 0, restore: false } },
    ],
  },
  {
    name: 'both tablets of a binôme move to the next step and start the timer offline',
    steps: [
      { kind: 'partition', islands: [0, 1, 2, 2, 2] },
      { kind: 'edit', replica: 0, op: { kind: 'timer', atelier: 0, action: 'next', at: 0 } },
      { kind: 'edit', replica: 1, op: { kind: 'timer', atelier: 0, action: 'start', at: 10 } },
      { kind: 'edit', replica: 1, op: { kind: 'timer', atelier: 0, action: 'next', at: 20 } },
      { kind: 'edit', replica: 0, op: { kind: 'timer', atelier: 0, action: 'start', at: 30 } },
    ],
  },
  {
    name: 'an atelier added offline gets its notes, typed in before anyone else knows it',
    steps: [
      { kind: 'partition', islands: [0, 1, 1, 1, 1] },
      { kind: 'edit', replica: 0, op: { kind: 'addAtelier', name: 'Mobilité' } },
      { kind: 'edit', replica: 0, op: { kind: 'type', atelier: 2, note: 0, at: 0, text: 'bus' } },
      { kind: 'edit', replica: 1, op: { kind: 'addAtelier', name: 'Emploi' } },
      { kind: 'edit', replica: 1, op: { kind: 'propose', atelier: 2, text: 'Navette' } },
    ],
  },
  {
    name: 'updates delivered out of order and some lost, then recovered by a sync',
    steps: [
      { kind: 'edit', replica: 0, op: { kind: 'type', atelier: 0, note: 0, at: 0, text: 'un ' } },
      { kind: 'edit', replica: 0, op: { kind: 'type', atelier: 0, note: 0, at: 3, text: 'deux ' } },
      { kind: 'edit', replica: 0, op: { kind: 'type', atelier: 0, note: 0, at: 8, text: 'trois' } },
      { kind: 'deliver', from: 0, to: 1, pick: 2 },
      { kind: 'deliver', from: 0, to: 1, pick: 1 },
      { kind: 'drop', from: 0, to: 1 },
      { kind: 'edit', replica: 1, op: { kind: 'erase', atelier: 0, note: 0, at: 0, length: 5 } },
      { kind: 'sync', a: 1, b: 0 },
    ],
  },
]

describe('meeting convergence on five devices', () => {
  it.each(REGRESSIONS)('$name', ({ steps }) => runCase(steps, []))

  it(
    `converges with every invariant for random edits, partitions and merges (up to ${RUNS} runs)`,
    () => checkProperty(property, RUNS),
    PROPERTY_TEST_TIMEOUT,
  )
})
