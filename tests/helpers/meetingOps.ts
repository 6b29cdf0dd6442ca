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
 * (grouping, votes, retention, projector) are in `plenaryOps.ts`, the idea bank's in
 * `ideaBankOps.ts`.
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
import type { StepDraft } from '../../src/doc/script'
import { addTime, pause, reset, start } from '../../src/doc/timer'

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
