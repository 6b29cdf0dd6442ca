/**
 * The app's own edits of a meeting, as data: what a tablet or the coordinator's screen does
 * (proposals, notes, step timer, attendance, transmission), each applied through the real
 * mutations of `src/doc`. One model for every test that needs "an evening of random edits":
 * the convergence property test draws operations from `meetingOperation` (fast-check), the
 * fault-matrix tests replay seeded samples of it on real clients.
 *
 * Operations name their targets by index (`proposal: 7`), resolved modulo what the document holds
 * at that moment, so any sequence applies to any state. To add a kind of edit, add a case to
 * `MeetingOperation`, to `meetingOperation`, and to `applyOperation`. The plenary's edits
 * (grouping, votes, retention, projector) are `PlenaryOperation`s, applied the same way.
 */
import fc from 'fast-check'
import * as Y from 'yjs'
import { addAtelier, goToStep, transmit, updateTimer } from '../../src/doc/ateliers'
import { adjustAttendance, COLLEGES, type College } from '../../src/doc/attendance'
import {
  ateliersOf,
  attendanceOf,
  compareIds,
  notesOf,
  proposalsOf,
  scriptOf,
} from '../../src/doc/layout'
import { buildWall, groupProposals, leaveGroup, ungroup } from '../../src/doc/grouping'
import { createMeeting, readMeeting } from '../../src/doc/meetingDoc'
import { editNote, noteKey } from '../../src/doc/notes'
import {
  addProposal,
  deleteProposal,
  editProposal,
  moveProposal,
  readProposals,
  restoreProposal,
  setValidated,
} from '../../src/doc/proposals'
import { PLENARY_SCREENS, setScreen, setSpotlight } from '../../src/doc/plenary'
import type { StepDraft } from '../../src/doc/script'
import { addTime, pause, reset, start } from '../../src/doc/timer'
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

export type TimerAction = 'start' | 'pause' | 'plus' | 'reset' | 'next'

export type MeetingOperation =
  | { kind: 'propose'; atelier: number; text: string }
  | { kind: 'edit'; proposal: number; text: string }
  | { kind: 'validate'; proposal: number; on: boolean }
  | { kind: 'bin'; proposal: number; restore: boolean }
  | { kind: 'move'; proposal: number; up: boolean }
  | { kind: 'addAtelier'; name: string }
  | { kind: 'timer'; atelier: number; action: TimerAction; at: number }
  | { kind: 'attend'; atelier: number; college: College; up: boolean }
  | { kind: 'type'; atelier: number; note: number; at: number; text: string }
  | { kind: 'erase'; atelier: number; note: number; at: number; length: number }
  | { kind: 'transmit'; atelier: number; at: number }

/** A small trame: two steps, three questions, so documents stay small and operations cheap. */
export const TEST_SCRIPT: StepDraft[] = [
  {
    title: 'Constats',
    instructions: 'Notez.',
    questions: ['Quoi ?', 'Pourquoi ?'],
    durationMinutes: 20,
  },
  { title: 'Pistes', instructions: 'Proposez.', questions: ['Que faire ?'], durationMinutes: 30 },
]

/**
 * The update of a new meeting with two ateliers, made once: every replica starts from it, as
 * every tablet starts from the meeting the coordinator created.
 */
export function newMeetingUpdate(atelierNames = ['Santé', 'Logement']): Uint8Array {
  const doc = new Y.Doc()
  createMeeting(doc, { title: 'Soirée', date: '2026-12-03', atelierNames }, 1_000, TEST_SCRIPT)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** An atelier's validated proposals, made at `at` (now by default); their ids, in order. */
export function validatedProposals(
  doc: Y.Doc,
  atelierId: string,
  texts: readonly string[],
  at?: number,
): string[] {
  return texts.map((text) => {
    const id = addProposal(doc, { atelierId, text, authorRole: 'reporter' }, at)
    setValidated(doc, id, true, at)
    return id
  })
}

/** An atelier validates these proposals and transmits them, as its tablet would. */
export function transmitProposals(doc: Y.Doc, atelierId: string, texts: string[]): void {
  validatedProposals(doc, atelierId, texts)
  transmit(doc, atelierId)
}

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

const index = fc.nat(1000)
const shortText = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim().length > 0)
const time = fc.integer({ min: 0, max: 10_000_000 })

export const meetingOperation: fc.Arbitrary<MeetingOperation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('propose'), atelier: index, text: shortText }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('edit'), proposal: index, text: shortText }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('validate'), proposal: index, on: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('bin'), proposal: index, restore: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('move'), proposal: index, up: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addAtelier'), name: shortText }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('timer'),
      atelier: index,
      action: fc.constantFrom<TimerAction>('start', 'pause', 'plus', 'reset', 'next'),
      at: time,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('attend'),
      atelier: index,
      college: fc.constantFrom(...COLLEGES),
      up: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('type'),
      atelier: index,
      note: index,
      at: index,
      text: shortText,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('erase'),
      atelier: index,
      note: index,
      at: index,
      length: fc.integer({ min: 1, max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transmit'), atelier: index, at: time }) },
)

/** `count` operations drawn from `meetingOperation` with `seed`: the same seed, the same list. */
export function sampleOperations(seed: number, count: number): MeetingOperation[] {
  return fc.sample(meetingOperation, { seed, numRuns: count })
}

/** Ids of an id-keyed map, in one order on every device (Yjs map iteration order is not). */
function sortedKeys<T>(map: Y.Map<T>): string[] {
  return [...map.keys()].sort(compareIds)
}

/** The script's steps and their question ids, in trame order, read without validation. */
function steps(doc: Y.Doc): Array<{ id: string; questions: string[] }> {
  const out: Array<{ id: string; position: number; questions: string[] }> = []
  scriptOf(doc).forEach((step, id) => {
    const questions = step.get('questions') as Array<{ id: string }> | undefined
    out.push({
      id,
      position: step.get('position') as number,
      questions: (questions ?? []).map((q) => q.id),
    })
  })
  return out.sort((a, b) => a.position - b.position || compareIds(a.id, b.id))
}

export interface OperationEffect {
  /** Id of the proposal this operation created. */
  proposal?: string
  /** The attendance tap this operation recorded. */
  tap?: { atelierId: string; college: College; delta: 1 | -1 }
}

/**
 * Applies one operation to `doc` as the device would (one transaction, origin `local`). Does
 * nothing when the document lacks what the operation needs (no proposal yet).
 */
export function applyOperation(doc: Y.Doc, op: MeetingOperation): OperationEffect {
  const ateliers = sortedKeys(ateliersOf(doc))
  const proposals = sortedKeys(proposalsOf(doc))
  const atelier = (i: number) => ateliers[i % ateliers.length]!
  const proposal = (i: number) =>
    proposals.length > 0 ? proposals[i % proposals.length] : undefined
  switch (op.kind) {
    case 'propose':
      return {
        proposal: addProposal(doc, {
          atelierId: atelier(op.atelier),
          text: op.text,
          authorRole: 'reporter',
        }),
      }
    case 'edit': {
      const id = proposal(op.proposal)
      if (id) editProposal(doc, id, op.text)
      return {}
    }
    case 'validate': {
      const id = proposal(op.proposal)
      if (id) setValidated(doc, id, op.on)
      return {}
    }
    case 'bin': {
      const id = proposal(op.proposal)
      if (id) (op.restore ? restoreProposal : deleteProposal)(doc, id)
      return {}
    }
    case 'move': {
      // Only a proposal the list shows: one whose replaced field is still on its way (Yjs applies
      // a deletion before the insertion it waits for) is briefly unreadable, and cannot move.
      const id = proposal(op.proposal)
      if (id && readProposals(doc).some((p) => p.id === id && p.deletedAt === null))
        moveProposal(doc, id, op.up ? -1 : 1)
      return {}
    }
    case 'addAtelier':
      addAtelier(doc, op.name)
      return {}
    case 'timer': {
      const id = atelier(op.atelier)
      if (op.action === 'next') {
        const script = steps(doc)
        const current = ateliersOf(doc).get(id)?.get('currentStepId')
        const at = script.findIndex((step) => step.id === current)
        goToStep(doc, id, script[(at + 1) % script.length]!.id)
      } else {
        const action = {
          start: (s: Parameters<typeof start>[0]) => start(s, op.at),
          pause: (s: Parameters<typeof pause>[0]) => pause(s, op.at),
          plus: (s: Parameters<typeof addTime>[0]) => addTime(s, 60_000),
          reset,
        }[op.action]
        updateTimer(doc, id, action, op.at)
      }
      return {}
    }
    case 'attend': {
      const before = ownClock(doc)
      adjustAttendance(doc, atelier(op.atelier), op.college, op.up ? 1 : -1)
      // A −1 on a count already at zero changes nothing, and counts for nothing.
      if (ownClock(doc) === before) return {}
      return { tap: { atelierId: atelier(op.atelier), college: op.college, delta: op.up ? 1 : -1 } }
    }
    case 'type':
    case 'erase': {
      const keys = steps(doc).flatMap((step) =>
        step.questions.map((question) => noteKey(atelier(op.atelier), step.id, question)),
      )
      const key = keys[op.note % keys.length]!
      const text = notesOf(doc).get(key)
      if (!(text instanceof Y.Text)) return {}
      const at = op.at % (text.length + 1)
      if (op.kind === 'type') editNote(doc, key, { index: at, deleteCount: 0, insert: op.text })
      else if (text.length > 0) {
        const from = Math.min(at, text.length - 1)
        editNote(doc, key, {
          index: from,
          deleteCount: Math.min(op.length, text.length - from),
          insert: '',
        })
      }
      return {}
    }
    case 'transmit':
      transmit(doc, atelier(op.atelier), op.at)
      return {}
  }
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

/**
 * Two devices type at once at the start of the note `key` — this one `mine`, a copy of it
 * `theirs` — then exchange what each lacks: the note as each of them reads it afterwards.
 */
export function typeAtOnce(
  doc: Y.Doc,
  key: string,
  mine: string,
  theirs: string,
): { here: string; there: string } {
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  editNote(doc, key, { index: 0, deleteCount: 0, insert: mine })
  editNote(other, key, { index: 0, deleteCount: 0, insert: theirs })
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  return { here: readMeeting(doc).notes[key]!, there: readMeeting(other).notes[key]! }
}

/** This device's own attendance tallies (`<atelier>|<college>|<clientId>` → count). */
export function ownTallies(doc: Y.Doc): Map<string, number> {
  const own = new Map<string, number>()
  attendanceOf(doc).forEach((value, key) => {
    if (key.endsWith(`|${doc.clientID}`)) own.set(key, value)
  })
  return own
}

/** How far this device's own edits go (its clock): a document holding them all is at least here. */
export function ownClock(doc: Y.Doc): number {
  return Y.getState(doc.store, doc.clientID)
}

/** The clock `doc` holds for `clientId`'s edits (0 if none). */
export function clockOf(doc: Y.Doc, clientId: number): number {
  return Y.getState(doc.store, clientId)
}
