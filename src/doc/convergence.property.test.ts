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
import * as Y from 'yjs'
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
import { readMeeting, type Meeting } from './meetingDoc'
import { noteKey } from './notes'
import { remaining } from './timer'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'

const REPLICAS = 5
const RUNS = 2000

/** What happens, in order: a device edits, the network changes, messages move. */
type Step =
  | { kind: 'edit'; replica: number; op: MeetingOperation }
  /** Each device joins one of up to three islands; only devices on one island can talk. */
  | { kind: 'partition'; islands: number[] }
  /** One queued update from one device to another arrives — any of them, not the oldest. */
  | { kind: 'deliver'; from: number; to: number; pick: number }
  /** The connection drops: updates in flight between the two are lost. */
  | { kind: 'drop'; from: number; to: number }
  /** The two reconnect and exchange what each lacks (y-websocket's sync steps 1 and 2). */
  | { kind: 'sync'; a: number; b: number }

const replica = fc.nat(REPLICAS - 1)
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit'), replica, op: meetingOperation }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('partition'),
      islands: fc.array(fc.nat(2), { minLength: REPLICAS, maxLength: REPLICAS }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('deliver'),
      from: replica,
      to: replica,
      pick: fc.nat(50),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop'), from: replica, to: replica }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync'), a: replica, b: replica }) },
)

const SEED_UPDATE = newMeetingUpdate()

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

interface Outcome {
  docs: Y.Doc[]
  meetings: Meeting[]
  created: string[]
  /** Sum of every attendance tap any device recorded, by `<atelierId>|<college>`. */
  taps: Map<string, number>
  /** Each device's own clock and attendance tallies when it stopped editing. */
  own: Array<{ clientId: number; clock: number; tallies: Map<string, number> }>
}

/** Plays the steps on five devices, heals the network, merges in `mergeOrder`. */
function play(steps: Step[], mergeOrder: Array<[number, number]>): Outcome {
  const docs = Array.from({ length: REPLICAS }, (_, i) => {
    // A fixed guid: generating a random one is a third of the cost of a run, and sync ignores it.
    const doc = new Y.Doc({ guid: `replica-${i}` })
    Y.applyUpdate(doc, SEED_UPDATE)
    return doc
  })
  // queues[from][to]: updates sent by `from`, not yet received by `to`.
  const queues = docs.map(() => docs.map(() => [] as Uint8Array[]))
  docs.forEach((doc, from) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return
      for (let to = 0; to < REPLICAS; to++) if (to !== from) queues[from]![to]!.push(update)
    }),
  )
  let islands = docs.map(() => 0)
  const linked = (a: number, b: number) => a !== b && islands[a] === islands[b]
  const created: string[] = []
  const taps = new Map<string, number>()

  for (const s of steps) {
    switch (s.kind) {
      case 'edit': {
        const { proposal, tap } = applyOperation(docs[s.replica]!, s.op)
        if (proposal) created.push(proposal)
        if (tap) {
          const key = `${tap.atelierId}|${tap.college}`
          taps.set(key, (taps.get(key) ?? 0) + tap.delta)
        }
        break
      }
      case 'partition':
        islands = s.islands
        break
      case 'deliver': {
        const queue = queues[s.from]![s.to]!
        if (!linked(s.from, s.to) || queue.length === 0) break
        const [update] = queue.splice(s.pick % queue.length, 1)
        Y.applyUpdate(docs[s.to]!, update!, 'network')
        break
      }
      case 'drop':
        queues[s.from]![s.to] = []
        break
      case 'sync':
        if (linked(s.a, s.b)) exchange(docs[s.a]!, docs[s.b]!)
        break
    }
  }
  const own = docs.map((doc) => ({
    clientId: doc.clientID,
    clock: ownClock(doc),
    tallies: ownTallies(doc),
  }))
  // Everyone back on one network: late updates arrive (again), then every pair syncs.
  for (let from = 0; from < REPLICAS; from++)
    for (let to = 0; to < REPLICAS; to++)
      for (const update of queues[from]![to]!)
        if (from !== to) Y.applyUpdate(docs[to]!, update, 'network')
  for (const [a, b] of mergeOrder) exchange(docs[a]!, docs[b]!)
  for (let a = 0; a < REPLICAS; a++)
    for (let b = a + 1; b < REPLICAS; b++) exchange(docs[a]!, docs[b]!)
  return { docs, meetings: docs.map(readMeeting), created, taps, own }
}

/**
 * Throws on the first broken invariant. Written with `node:assert` rather than `expect`: it runs
 * some fifty checks per case, two thousand cases per run, and `expect` costs ten times more.
 */
function checkInvariants({ docs, meetings, created, taps, own }: Outcome): void {
  // Identical everywhere: the same meeting, the same Yjs state.
  const [first, ...others] = meetings
  for (const other of others) assert.deepStrictEqual(other, first)
  const vector = Buffer.from(Y.encodeStateVector(docs[0]!))
  for (const doc of docs.slice(1))
    assert.ok(vector.equals(Y.encodeStateVector(doc)), 'state vectors')
  const meeting = first!

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
function runCase(steps: Step[], mergeOrder: Array<[number, number]>): void {
  const outcome = play(steps, mergeOrder)
  try {
    checkInvariants(outcome)
  } finally {
    for (const doc of outcome.docs) doc.destroy()
  }
}

const mergeOrder = fc.array(fc.tuple(replica, replica), { maxLength: 10 })
const property = fc.property(fc.array(step, { maxLength: 32 }), mergeOrder, runCase)

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
