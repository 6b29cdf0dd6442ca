/**
 * The attacks of issue #14 on the readers, each written the way a write link can: raw Yjs, values
 * the app never writes. Every reader returns, skips and counts what is invalid, and keeps the rest.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { transmit } from './ateliers'
import { readAttendance } from './attendance'
import { readCommittee } from './committeeDoc'
import { newWriteKey } from '../links/capability'
import { sealingKeyOf } from '../links/sealedKey'
import { readFollowUp, recordRetained } from './followUp'
import { buildWall } from './grouping'
import { readIdeaBank } from './ideaBank'
import {
  attendanceOf,
  groupMembersOf,
  groupsOf,
  metaOf,
  notesOf,
  proposalsOf,
  retainedOf,
  votesOf,
} from './layout'
import { createMeeting, readMeeting } from './meetingDoc'
import { NOTE_READ_MAX, noteKey } from './notes'
import { addProposal, setValidated, type Proposal } from './proposals'
import { isCompoundId, isEntityId, skippedIn } from './untrusted'
import { retainedItems, setRetained } from './votes'

function meeting() {
  const doc = new Y.Doc()
  const [atelierId] = createMeeting(doc, {
    title: 'Soirée',
    date: '2026-12-03',
    atelierNames: ['Logement'],
  })
  const proposalId = addProposal(
    doc,
    { atelierId: atelierId!, text: 'Un guichet', authorRole: 'reporter' },
    1000,
  )
  setValidated(doc, proposalId, true, 1000)
  transmit(doc, atelierId!, 2000)
  return { doc, atelierId: atelierId!, proposalId }
}

/** A proposal as a hostile tablet writes it: any id, any fields. */
function writeRaw(doc: Y.Doc, id: string, fields: Record<string, unknown>) {
  const map = new Y.Map<unknown>()
  proposalsOf(doc).set(id, map)
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  return map
}

const validFields = (atelierId: string, text: string) => ({
  atelierId,
  text,
  createdAt: 1500,
  updatedAt: 1500,
  authorRole: 'reporter',
  position: 5,
  validated: true,
})

afterEach(() => {
  // A polluted prototype would leak into every later test: fail here, loudly, and clean up.
  const polluted = Object.keys(Object.prototype)
  for (const key of polluted) delete (Object.prototype as Record<string, unknown>)[key]
  expect(polluted).toEqual([])
})

describe('ids', () => {
  it('are plain characters, never a built-in name of JavaScript objects', () => {
    for (const id of ['aZ09_-', 'Xq3-2_abcdef', 'angers-axe-1']) expect(isEntityId(id)).toBe(true)
    for (const id of [
      '__proto__',
      'constructor',
      'toString',
      'valueOf',
      'prototype',
      'hasOwnProperty',
    ])
      expect(isEntityId(id)).toBe(false)
    for (const id of ['', 'a|b', 'a b', 'a.b', 'é', 'x'.repeat(65), 42, null])
      expect(isEntityId(id)).toBe(false)
    expect(isCompoundId('0123abcd.Xq3-2_abcdef')).toBe(true)
    expect(isCompoundId('m1:constructor')).toBe(false)
    expect(isCompoundId('a..b')).toBe(false)
  })
})

describe('readers of a hostile meeting', () => {
  it('read a proposal nested 8,000 maps deep as one invalid entity, not a stack overflow', () => {
    const { doc, atelierId } = meeting()
    doc.transact(() => {
      let map = writeRaw(doc, 'deep', validFields(atelierId, 'profond'))
      for (let depth = 0; depth < 8000; depth++) {
        const inner = new Y.Map<unknown>()
        map.set('text', inner)
        map = inner
      }
    })
    const read = readMeeting(doc)
    expect(read.proposals.map((p) => p.text)).toEqual(['Un guichet'])
    expect(skippedIn(doc)).toBe(1)
  })

  it('read a note written past its cap by raw writes up to a bound, for print and exports', () => {
    const { doc, atelierId } = meeting()
    const key = noteKey(atelierId, readMeeting(doc).script[0]!.id, 'q')
    doc.transact(() => notesOf(doc).set(key, new Y.Text('x'.repeat(2_400_000))))
    expect(readMeeting(doc).notes[key]).toHaveLength(NOTE_READ_MAX + 1)
  })

  it('show the wall of an atelier with 70,000 binned proposals', () => {
    const { doc } = meeting()
    const read = readMeeting(doc)
    const template = read.proposals[0]!
    const binned: Proposal[] = Array.from({ length: 70_000 }, (_, index) => ({
      ...template,
      id: `p${index}`,
      validated: false,
      deletedAt: 3000,
      updatedAt: 3000 + index,
    }))
    const wall = buildWall({ ...read, proposals: [...read.proposals, ...binned] })
    expect(wall.ateliers[0]!.lastSeenAt).toBe(3000 + 69_999)
    expect(wall.items.map((item) => item.text)).toEqual(['Un guichet'])
  })

  it('skip the attendance key "__proto__|agent|1" instead of polluting every object', () => {
    const { doc, atelierId } = meeting()
    doc.transact(() => {
      attendanceOf(doc).set('__proto__|agent|1', 1)
      attendanceOf(doc).set('constructor|agent|1', 1)
      attendanceOf(doc).set(`${atelierId}|agent|1`, 3)
    })
    const attendance = readAttendance(doc)
    expect(({} as Record<string, unknown>).agent).toBeUndefined()
    expect(Object.keys(attendance)).toEqual([atelierId])
    expect(attendance[atelierId]!.agent).toBe(3)
    expect(attendance.constructor).toBeUndefined()
    expect(skippedIn(doc)).toBe(2)
  })

  it('keep counts to integers from 0 to 10,000: no NaN, Infinity or 1e+308', () => {
    const { doc, atelierId } = meeting()
    doc.transact(() => {
      attendanceOf(doc).set(`${atelierId}|agent|1`, Number.NaN)
      attendanceOf(doc).set(`${atelierId}|agent|2`, Number.POSITIVE_INFINITY)
      attendanceOf(doc).set(`${atelierId}|partner|3`, 1e308)
      attendanceOf(doc).set(`${atelierId}|partner|4`, 2.5)
      attendanceOf(doc).set(`${atelierId}|elected|5`, 9000)
      attendanceOf(doc).set(`${atelierId}|elected|6`, 9000)
      votesOf(doc).set('x|overall|c1', { count: 1e308, at: 1 })
      votesOf(doc).set('x|overall|c2', { count: Number.NaN, at: 1 })
    })
    const read = readMeeting(doc)
    expect(read.attendance[atelierId]).toMatchObject({ agent: 0, partner: 0, elected: 10_000 })
    expect(read.votes.entries).toEqual([])
  })

  it('take no id named like a built-in as a proposal, a retention or a vote', () => {
    const { doc, atelierId, proposalId } = meeting()
    doc.transact(() => {
      for (const id of ['constructor', 'toString', 'valueOf'])
        writeRaw(doc, id, validFields(atelierId, id))
      retainedOf(doc).set('constructor', 5000)
      votesOf(doc).set('toString|overall|c1', { count: 3, at: 1 })
    })
    const read = readMeeting(doc)
    expect(read.proposals.map((p) => p.id)).toEqual([proposalId])
    expect(read.votes.entries).toEqual([])
    // The actes asked `retained[item.id] !== undefined`: a built-in answered for any such id.
    expect(read.votes.retained.constructor).toBeUndefined()
    expect(retainedItems(buildWall(read), read.votes)).toEqual([])
    expect(skippedIn(doc)).toBe(5)
  })

  it('refuse timestamps no clock reaches and dates no calendar has', () => {
    const { doc, atelierId, proposalId } = meeting()
    doc.transact(() => {
      writeRaw(doc, 'future', { ...validFields(atelierId, 'futur'), createdAt: 8.64e15 + 1 })
      writeRaw(doc, 'far', { ...validFields(atelierId, 'loin'), position: 1e308 })
      metaOf(doc).set('date', '9999-99-99')
      retainedOf(doc).set(proposalId, 8.64e15 + 1)
    })
    const read = readMeeting(doc)
    expect(read.proposals.map((p) => p.id)).toEqual([proposalId])
    expect(read.date).toBe('')
    expect(read.votes.retained[proposalId]).toBeUndefined()
    metaOf(doc).set('date', '2026-02-30')
    expect(readMeeting(doc).date).toBe('')
    metaOf(doc).set('date', '2026-02-28')
    expect(readMeeting(doc).date).toBe('2026-02-28')
  })

  it('keep one entity per id: a group under a proposal’s id is no group', () => {
    const { doc, atelierId, proposalId } = meeting()
    const other = addProposal(doc, { atelierId, text: 'Autre', authorRole: 'reporter' }, 1100)
    setValidated(doc, other, true, 1100)
    transmit(doc, atelierId, 2000)
    doc.transact(() => {
      const group = new Y.Map<unknown>()
      groupsOf(doc).set(proposalId, group)
      group.set('text', 'Groupe pirate')
      group.set('createdAt', 1200)
      groupMembersOf(doc).set(proposalId, proposalId)
      groupMembersOf(doc).set(other, proposalId)
    })
    setRetained(doc, proposalId, true, 3000)
    const read = readMeeting(doc)
    const wall = buildWall(read)
    expect(wall.groups).toEqual([])
    expect(wall.items.map((item) => item.text)).toEqual(['Un guichet', 'Autre'])
    expect(retainedItems(wall, read.votes).map((item) => item.kind)).toEqual(['proposal'])
  })
})

describe('readers of a hostile committee', () => {
  it('skip a follow-up entry retained at 8.64e15 + 1 and keep the others', () => {
    const doc = new Y.Doc()
    const entry = (itemId: string, retainedAt: number) => ({
      meetingId: 'm1',
      meetingTitle: 'Décembre',
      meetingDate: '2026-12-03',
      itemId,
      ateliers: ['Atelier 1'],
      text: `Proposition ${itemId}`,
      retainedAt,
    })
    recordRetained(doc, [entry('good', 1000), entry('bad', 8.64e15 + 1)])
    expect(readFollowUp(doc).map((e) => e.id)).toEqual(['m1:good'])
    // The entry, and its first status change, dated the same.
    expect(skippedIn(doc)).toBe(2)
  })

  it('reads a committee and an idea bank full of prototype keys', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      doc.getMap('committee').set('schemaVersion', 1)
      doc.getMap('committee').set('name', 'Comité')
      doc.getMap('meetings').set('__proto__', new Y.Map())
      doc.getMap('ideas').set('__proto__', { text: 'x', source: { kind: 'typed' }, createdAt: 1 })
      doc.getMap('ideas').set('i1', { text: 'Une idée', source: { kind: 'typed' }, createdAt: 1 })
      doc.getMap('ideaSieve').set('i1|constructor', 'yes')
      doc.getMap('ideaSieve').set('__proto__|angers-competence', 'yes')
      doc.getMap('ideaAxes').set('constructor|name', 'Axe pirate')
      doc.getMap('ideaAxes').set('toString|position', 1)
    })
    expect(readCommittee(doc, sealingKeyOf(newWriteKey())).meetings).toEqual([])
    const bank = readIdeaBank(doc)
    expect(bank.items.map((item) => item.id)).toEqual(['i1'])
    expect(bank.items[0]!.answers.constructor).toBeUndefined()
    expect(bank.axes.map((axis) => axis.id)).not.toContain('constructor')
  })
})
