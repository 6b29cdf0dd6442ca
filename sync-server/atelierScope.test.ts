import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { adjustAttendance } from '../src/doc/attendance'
import {
  ensureKeyChecks,
  goToStep,
  KEY_CHECK_FIELD,
  transmit,
  updateTimer,
} from '../src/doc/ateliers'
import { recordPresence } from '../src/doc/devices'
import {
  ateliersOf,
  devicesOf,
  mapOf,
  metaOf,
  notesOf,
  proposalsOf,
  votesOf,
} from '../src/doc/layout'
import { createMeeting, readMeeting } from '../src/doc/meetingDoc'
import { editNote } from '../src/doc/notes'
import { openDebateNote, setScreen } from '../src/doc/plenary'
import {
  addProposal,
  deleteProposal,
  editProposal,
  moveProposal,
  setValidated,
} from '../src/doc/proposals'
import { addStep } from '../src/doc/script'
import { start } from '../src/doc/timer'
import { TIME_MAX } from '../src/doc/untrusted'
import { atelierKeyMatches, withinAtelier } from './atelierScope'
import { rawUpdate } from '../tests/helpers/rawUpdates'
import { checkUpdate } from './updateCheck'

const checkOf = (atelierId: string) => `check-${atelierId}`.padEnd(64, '0')

/** The relay's copy of a meeting with two ateliers, each with a proposal, and some history. */
function evening() {
  const relay = new Y.Doc()
  const [a, b] = createMeeting(relay, { title: 'T', date: '2026-12-03', atelierNames: ['A', 'B'] })
  ensureKeyChecks(relay, checkOf)
  const pa = addProposal(relay, {
    atelierId: a!,
    text: 'A1',
    authorRole: 'reporter',
    debateNote: false,
  })
  const pb = addProposal(relay, { atelierId: b!, text: 'B1', authorRole: 'reporter' })
  // Deletions the relay already has, which every device's whole document carries too.
  editProposal(relay, pb, 'B1 bis')
  editNote(relay, noteOf(relay, b!), { index: 0, deleteCount: 0, insert: 'notes de B' })
  editNote(relay, noteOf(relay, b!), { index: 0, deleteCount: 6, insert: '' })
  return { relay, a: a!, b: b!, pa, pb }
}

function noteOf(doc: Y.Doc, atelierId: string): string {
  return [...notesOf(doc).keys()].find((key) => key.startsWith(`${atelierId}|`))!
}

/** Whether the change a tablet of `atelierId` makes (sent as what the relay lacks) is in scope. */
function inScope(
  { relay }: { relay: Y.Doc },
  atelierId: string,
  change: (tablet: Y.Doc) => void,
  whole = false,
): boolean {
  const tablet = new Y.Doc()
  Y.applyUpdate(tablet, Y.encodeStateAsUpdate(relay))
  change(tablet)
  // As a live update, or as a sync step 2 (the tablet's whole document: every delete set too).
  const update = whole
    ? Y.encodeStateAsUpdate(tablet)
    : Y.encodeStateAsUpdate(tablet, Y.encodeStateVector(relay))
  const check = checkUpdate(relay, update)
  if (!check.ok) throw new Error('the update itself is refused')
  return withinAtelier(relay, atelierId, check.placed, check.deleteSet)
}

/**
 * Presence entries naming atelier `a` that the app never writes: what every screen would read
 * (docs/protocol.md, section 1). As [what, device id, value] (a shared type is made each time:
 * it can be integrated once).
 */
function hostilePresences(a: string): Array<[string, string, () => unknown]> {
  const ours = { kind: 'atelier', atelierId: a, lastSyncedAt: 1 }
  return [
    ['with a megabyte of junk', 'd1', () => ({ ...ours, junk: 'x'.repeat(1 << 20) })],
    ['with a field the app does not write', 'd1', () => ({ ...ours, name: 'Coordination' })],
    ['as a coordinator', 'd1', () => ({ ...ours, kind: 'meeting' })],
    ['as a projector', 'd1', () => ({ ...ours, kind: 'projection' })],
    ['with its time as text', 'd1', () => ({ ...ours, lastSyncedAt: '1' })],
    ['with its time past 2200', 'd1', () => ({ ...ours, lastSyncedAt: TIME_MAX + 1 })],
    ['with its time as a bigint', 'd1', () => ({ ...ours, lastSyncedAt: 1n })],
    ['with a nested value', 'd1', () => ({ ...ours, lastSyncedAt: { at: 1 } })],
    ['with bytes', 'd1', () => ({ ...ours, kind: new Uint8Array(8) })],
    ['as a list', 'd1', () => [ours]],
    ['as a shared map', 'd1', () => mapOf(ours)],
    // lib0 decodes an own "__proto__" key into the prototype, whose fields a lookup would read.
    ['through its prototype', 'd1', () => JSON.parse(`{"__proto__":${JSON.stringify(ours)}}`)],
    ['under a key that is no id', 'd 1', () => ours],
    ['under a built-in name', 'constructor', () => ours],
    ['under a key of a kilobyte', 'd'.repeat(1024), () => ours],
  ]
}

describe('an atelier connection writes', () => {
  const meeting = evening()
  const { a, pa } = meeting
  const presence = { deviceId: 'tablet1', kind: 'atelier' as const, atelierId: a }
  it.each<[string, (tablet: Y.Doc) => void]>([
    ['its notes', (t) => editNote(t, noteOf(t, a), { index: 0, deleteCount: 0, insert: 'idée' })],
    [
      'a proposal of its own',
      (t) => addProposal(t, { atelierId: a, text: 'P', authorRole: 'reporter', debateNote: false }),
    ],
    ['the text of its proposal', (t) => editProposal(t, pa, 'A1 bis')],
    ['its validation', (t) => setValidated(t, pa, true)],
    ['its bin', (t) => deleteProposal(t, pa)],
    ['its order', (t) => moveProposal(t, pa, -1)],
    ['its attendance', (t) => adjustAttendance(t, a, 'usagerNew', 1)],
    ['its presence', (t) => recordPresence(t, { ...presence, lastSyncedAt: 1 })],
    ['its timer', (t) => updateTimer(t, a, (s) => start(s, 1), 1)],
    ['its step', (t) => goToStep(t, a, readMeeting(t).script[1]!.id)],
    ['its transmission', (t) => transmit(t, a, 5)],
    [
      'its presence again, after the relay missed the ones before (their values collected)',
      (t) => {
        for (const minute of [1, 2, 3])
          recordPresence(t, { ...presence, lastSyncedAt: minute * 60_000 }, null, true)
      },
    ],
  ])('%s', (_name, change) => {
    expect(inScope(meeting, a, change)).toBe(true)
    expect(inScope(meeting, a, change, true)).toBe(true)
  })

  it('its presence from a second window of the same device, then a note from the first', () => {
    const { relay, a } = evening()
    const ours = { ...presence, atelierId: a }
    const [first, second] = [new Y.Doc(), new Y.Doc()]
    const send = (from: Y.Doc) => {
      const update = Y.encodeStateAsUpdate(from, Y.encodeStateVector(relay))
      const check = checkUpdate(relay, update)
      if (!check.ok) throw new Error('the update itself is refused')
      const taken = withinAtelier(relay, a, check.placed, check.deleteSet)
      if (taken) Y.applyUpdate(relay, update)
      Y.applyUpdate(first, Y.encodeStateAsUpdate(relay))
      Y.applyUpdate(second, Y.encodeStateAsUpdate(relay))
      return taken
    }
    send(first)
    recordPresence(first, { ...ours, lastSyncedAt: 1 }, null, true)
    expect(send(first)).toBe(true)
    // The second window writes the same device's entry: the first one's value is collected.
    recordPresence(second, { ...ours, lastSyncedAt: 2 * 60_000 }, null, true)
    expect(send(second)).toBe(true)
    editNote(first, noteOf(first, a), { index: 0, deleteCount: 0, insert: 'suite' })
    expect(send(first)).toBe(true)
  })

  it('a note edit that deletes its own characters, then its presence again', () => {
    const relay = meeting.relay
    const tablet = new Y.Doc()
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(relay))
    editNote(tablet, noteOf(tablet, a), { index: 0, deleteCount: 0, insert: 'abc' })
    recordPresence(tablet, { ...presence, lastSyncedAt: 1 })
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(tablet, Y.encodeStateVector(relay)))
    expect(
      inScope(meeting, a, (t) => {
        editNote(t, noteOf(t, a), { index: 0, deleteCount: 2, insert: '' })
        recordPresence(t, { ...presence, lastSyncedAt: 10 * 60_000 })
      }),
    ).toBe(true)
  })
})

describe('an atelier connection cannot write', () => {
  const meeting = evening()
  const { a, b, pa, pb } = meeting
  it.each<[string, (tablet: Y.Doc) => void]>([
    [
      'another atelier’s note',
      (t) => editNote(t, noteOf(t, b), { index: 0, deleteCount: 0, insert: 'x' }),
    ],
    [
      'a proposal for another atelier',
      (t) => addProposal(t, { atelierId: b, text: 'P', authorRole: 'reporter', debateNote: false }),
    ],
    [
      'a proposal with a debate note (the plenary’s)',
      (t) => addProposal(t, { atelierId: a, text: 'P', authorRole: 'reporter' }),
    ],
    ['a debate note of its own proposal', (t) => openDebateNote(t, pa)],
    ['a proposal without an atelier', (t) => proposalsOf(t).set('p1', mapOf({ text: 'x' }))],
    [
      'a proposal claiming its atelier as text',
      (t) =>
        proposalsOf(t).set('p2', mapOf({ atelierId: new Y.Text(a), text: 'x' }) as Y.Map<unknown>),
    ],
    ['its proposal moved to another atelier', (t) => proposalsOf(t).get(pa)!.set('atelierId', b)],
    ['its proposal stripped of its atelier', (t) => proposalsOf(t).get(pa)!.delete('atelierId')],
    ['its proposal’s entry replaced', (t) => proposalsOf(t).set(pb, mapOf({ atelierId: a }))],
    ['another atelier’s proposal', (t) => editProposal(t, pb, 'changed')],
    ['another atelier’s proposal deleted', (t) => proposalsOf(t).delete(pb)],
    ['another atelier’s progress', (t) => transmit(t, b, 5)],
    ['another atelier’s attendance', (t) => adjustAttendance(t, b, 'usagerNew', 1)],
    ['its own key check', (t) => ateliersOf(t).get(a)!.set(KEY_CHECK_FIELD, checkOf(b))],
    ['its own key check removed', (t) => ateliersOf(t).get(a)!.delete(KEY_CHECK_FIELD)],
    ['its whole entry', (t) => ateliersOf(t).set(a, mapOf({ name: 'A' }) as Y.Map<unknown>)],
    ['a new atelier', (t) => ateliersOf(t).set('new', mapOf({ name: 'N' }) as Y.Map<unknown>)],
    ['the projector’s screen', (t) => setScreen(t, 'ranking')],
    ['a vote', (t) => votesOf(t).set(`${pa}|overall|c1`, { count: 9, at: 1 })],
    [
      'the trame',
      (t) => addStep(t, { title: 'S', instructions: '', durationMinutes: 5, questions: [] }),
    ],
    ['the title', (t) => metaOf(t).set('title', 'Piraté')],
    [
      'a presence naming another atelier',
      (t) => devicesOf(t).set('d1', { kind: 'atelier', atelierId: b, lastSyncedAt: 1 }),
    ],
    ...hostilePresences(a).map(([name, key, value]): [string, (tablet: Y.Doc) => void] => [
      `a presence ${name}`,
      (t) => devicesOf(t).set(key, value()),
    ]),
  ])('%s', (_name, change) => {
    expect(inScope(meeting, a, change)).toBe(false)
    expect(inScope(meeting, a, change, true)).toBe(false)
  })

  it('the plenary’s notes, even as an atelier named "debate"', () => {
    const doc = new Y.Doc()
    const [id] = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    ateliersOf(doc).set('debate', ateliersOf(doc).get(id!)!.clone())
    const pa = addProposal(doc, { atelierId: 'debate', text: 'P', authorRole: 'reporter' })
    const change = (t: Y.Doc) => notesOf(t).get(`debate|${pa}`)!.insert(0, 'la salle dit')
    expect(inScope({ relay: doc }, 'debate', change)).toBe(false)
  })

  it('over a presence of another atelier, or a presence of another atelier away', () => {
    const { relay } = meeting
    devicesOf(relay).set('d2', { kind: 'atelier', atelierId: b, lastSyncedAt: 1 })
    const ours = { kind: 'atelier', atelierId: a, lastSyncedAt: 2 }
    expect(inScope(meeting, a, (t) => devicesOf(t).set('d2', ours))).toBe(false)
    expect(inScope(meeting, a, (t) => devicesOf(t).delete('d2'))).toBe(false)
    expect(inScope(meeting, a, (t) => devicesOf(t).set('d3', ours))).toBe(true)
  })
})

describe('an update written by hand', () => {
  const meeting = evening()
  const { relay, a, b, pa } = meeting
  /** A value set after the one at `key` (Yjs' own overwrite), without deleting it. */
  const overwrite = (map: Y.Map<unknown>, key: string, value: unknown) => {
    const current = map._map.get(key)!
    const origin = { client: current.id.client, clock: current.id.clock + current.length - 1 }
    return rawUpdate([
      { client: 424242, clock: 0, structs: [{ origin, content: { any: [value] } }] },
    ])
  }
  const scopeOf = (update: Uint8Array) => {
    const check = checkUpdate(relay, update)
    if (!check.ok) throw new Error('the update itself is refused')
    return withinAtelier(relay, a, check.placed, check.deleteSet)
  }

  it('cannot move a proposal or set its key check by naming only the value it follows', () => {
    expect(scopeOf(overwrite(proposalsOf(relay).get(pa)!, 'atelierId', b))).toBe(false)
    expect(scopeOf(overwrite(ateliersOf(relay).get(a)!, KEY_CHECK_FIELD, checkOf(b)))).toBe(false)
    expect(scopeOf(overwrite(proposalsOf(relay).get(pa)!, 'text', 'A1 ter'))).toBe(true)
  })
})

describe('an atelier key', () => {
  it('matches only the check its atelier’s entry holds', () => {
    const { relay, a, b } = evening()
    expect(atelierKeyMatches(relay, a, checkOf(a))).toBe(true)
    expect(atelierKeyMatches(relay, a, checkOf(b))).toBe(false)
    expect(atelierKeyMatches(relay, 'missing', checkOf('missing'))).toBe(false)
    ateliersOf(relay).get(a)!.set(KEY_CHECK_FIELD, 42)
    expect(atelierKeyMatches(relay, a, checkOf(a))).toBe(false)
    ateliersOf(relay).get(a)!.delete(KEY_CHECK_FIELD)
    expect(atelierKeyMatches(relay, a, checkOf(a))).toBe(false)
  })

  it('matches nothing in a document whose ateliers are no map', () => {
    const doc = new Y.Doc()
    doc.getText('ateliers').insert(0, 'x')
    expect(atelierKeyMatches(doc, 'a', checkOf('a'))).toBe(false)
    expect(atelierKeyMatches(new Y.Doc(), 'a', checkOf('a'))).toBe(false)
  })
})
