import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { removeAtelier, transmit } from './ateliers'
import {
  buildWall,
  groupProposals,
  leaveGroup,
  readGrouping,
  rewordGroup,
  ungroup,
  type Wall,
} from './grouping'
import { createMeeting, readMeeting } from './meetingDoc'
import { debateNoteKey } from './plenary'
import { addProposal, deleteProposal, editProposal, setValidated } from './proposals'

/** Three ateliers; A and B transmitted two validated proposals each (and one draft), C nothing. */
function evening() {
  const doc = new Y.Doc()
  const [a, b, c] = createMeeting(doc, {
    title: 'Soirée',
    date: '2026-12-03',
    atelierNames: ['Logement', 'Santé', 'Mobilité'],
  })
  const add = (atelierId: string, text: string, at: number, validated = true) => {
    const id = addProposal(doc, { atelierId, text, authorRole: 'reporter' }, at)
    if (validated) setValidated(doc, id, true, at)
    return id
  }
  const p = {
    a1: add(a!, 'Un guichet unique', 1000),
    a2: add(a!, 'Des permanences le samedi', 1001),
    aDraft: add(a!, 'Idée non retenue', 1002, false),
    b1: add(b!, 'Un interlocuteur unique au CCAS', 1003),
    b2: add(b!, 'Des bus le dimanche', 1004),
    c1: add(c!, 'Pas encore transmis', 1005),
  }
  transmit(doc, a!, 2000)
  transmit(doc, b!, 2000)
  return { doc, ateliers: { a: a!, b: b!, c: c! }, p }
}

const wallOf = (doc: Y.Doc, presence: Record<string, number> = {}) =>
  buildWall(readMeeting(doc), presence)

/** Every proposal id shown on the wall, once per appearance. */
const shown = (wall: Wall) => wall.items.flatMap((item) => item.origins.map((o) => o.proposal.id))

describe('the restitution wall', () => {
  it('shows the validated proposals of the ateliers that transmitted, and only those', () => {
    const { doc, ateliers, p } = evening()
    const wall = wallOf(doc)
    expect(wall.transmittedCount).toBe(2)
    expect(wall.ateliers.map((entry) => entry.items.map((item) => item.text))).toEqual([
      ['Un guichet unique', 'Des permanences le samedi'],
      ['Un interlocuteur unique au CCAS', 'Des bus le dimanche'],
      [],
    ])
    expect(wall.ateliers[2]).toMatchObject({ transmitted: false, items: [] })
    expect(shown(wall).sort()).toEqual([p.a1, p.a2, p.b1, p.b2].sort())
    // A removed atelier is not counted nor shown.
    removeAtelier(doc, ateliers.b)
    expect(wallOf(doc)).toMatchObject({ transmittedCount: 1 })
    expect(wallOf(doc).ateliers).toHaveLength(2)
  })

  it('marks what changed after the transmission, binned and unvalidated ones included', () => {
    const { doc, p } = evening()
    editProposal(doc, p.a1, 'Un guichet unique, ouvert le soir', 3000)
    setValidated(doc, p.aDraft, true, 3001)
    deleteProposal(doc, p.b2, 3002)
    const wall = wallOf(doc)
    expect(wall.ateliers[0]!.items.map((item) => [item.text, item.changed])).toEqual([
      ['Un guichet unique, ouvert le soir', true],
      ['Des permanences le samedi', false],
      ['Idée non retenue', true],
    ])
    expect(wall.ateliers[0]!.changesSinceTransmission).toBe(2)
    expect(wall.ateliers[1]!.items.map((item) => item.text)).toEqual([
      'Un interlocuteur unique au CCAS',
    ])
    expect(wall.ateliers[1]!.changesSinceTransmission).toBe(1)
  })

  it('says when each atelier was last heard of: its activity, or a device’s presence', () => {
    const { doc, ateliers } = evening()
    const wall = wallOf(doc, { [ateliers.c]: 9000 })
    expect(wall.ateliers.map((entry) => entry.lastSeenAt)).toEqual([2000, 2000, 9000])
    expect(wallOf(doc).ateliers[2]!.lastSeenAt).toBe(1005)
  })
})

describe('grouping similar proposals', () => {
  it('groups proposals of two ateliers under a common wording, keeping their origins', () => {
    const { doc, p } = evening()
    const groupId = groupProposals(doc, [p.a1, p.b1], 'Un interlocuteur unique', 4000)
    const wall = wallOf(doc)
    expect(wall.groups).toHaveLength(1)
    expect(wall.groups[0]).toMatchObject({
      kind: 'group',
      id: groupId,
      text: 'Un interlocuteur unique',
    })
    expect(wall.groups[0]!.origins.map((o) => [o.atelier.name, o.proposal.text])).toEqual([
      ['Logement', 'Un guichet unique'],
      ['Santé', 'Un interlocuteur unique au CCAS'],
    ])
    expect(wall.ateliers.map((entry) => [entry.items.length, entry.groupedCount])).toEqual([
      [1, 1],
      [1, 1],
      [0, 0],
    ])
    expect(shown(wall).sort()).toEqual([p.a1, p.a2, p.b1, p.b2].sort())
    expect(readMeeting(doc).notes[debateNoteKey(groupId)]).toBe('')
    rewordGroup(doc, groupId, 'Un seul interlocuteur')
    expect(wallOf(doc).groups[0]!.text).toBe('Un seul interlocuteur')
    expect(() => rewordGroup(doc, groupId, '  ')).toThrow()
  })

  it('ungroups: each proposal shows on its own again with its own text', () => {
    const { doc, p } = evening()
    const before = wallOf(doc).items.map((item) => item.text)
    const groupId = groupProposals(doc, [p.a1, p.b1], 'Un interlocuteur unique')
    ungroup(doc, groupId)
    expect(wallOf(doc).items.map((item) => item.text)).toEqual(before)
    expect(readGrouping(doc).membership).toEqual({})
  })

  it('leaves a group; a group of one shows as its proposal', () => {
    const { doc, p } = evening()
    groupProposals(doc, [p.a1, p.b1, p.b2], 'Unique')
    expect(wallOf(doc).groups[0]!.origins).toHaveLength(3)
    leaveGroup(doc, p.b2)
    leaveGroup(doc, p.b1)
    const wall = wallOf(doc)
    expect(wall.groups).toEqual([])
    expect(shown(wall).sort()).toEqual([p.a1, p.a2, p.b1, p.b2].sort())
  })

  it('leaves out of a group what left the wall (unvalidated, binned)', () => {
    const { doc, p } = evening()
    groupProposals(doc, [p.a1, p.b1, p.b2], 'Unique')
    setValidated(doc, p.b2, false)
    expect(wallOf(doc).groups[0]!.origins).toHaveLength(2)
    deleteProposal(doc, p.b1)
    expect(wallOf(doc).groups).toEqual([])
    expect(shown(wallOf(doc))).toEqual([p.a1, p.a2])
  })

  it('refuses a group of one, an unknown proposal, an empty wording', () => {
    const { doc, p } = evening()
    expect(() => groupProposals(doc, [p.a1, p.a1], 'x')).toThrow()
    expect(() => groupProposals(doc, [p.a1, 'nope'], 'x')).toThrow()
    expect(() => groupProposals(doc, [p.a1, p.b1], ' ')).toThrow()
    expect(readGrouping(doc).groups).toEqual([])
  })

  it('merges two coordinators grouping the same proposal at once: no loss, no double', () => {
    const { doc: first, p } = evening()
    const second = new Y.Doc()
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
    groupProposals(first, [p.a1, p.b1], 'Un interlocuteur unique', 4000)
    groupProposals(second, [p.b1, p.b2, p.a2], 'Au CCAS', 4001)
    Y.applyUpdate(first, Y.encodeStateAsUpdate(second))
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
    const wall = wallOf(first)
    expect(wallOf(second)).toEqual(wall)
    expect(shown(wall).sort()).toEqual([p.a1, p.a2, p.b1, p.b2].sort())
    // b1 ended in one of the two groups; the other still has two or more, or shows as single.
    expect(
      wall.groups.filter((group) => group.origins.some((o) => o.proposal.id === p.b1)),
    ).toHaveLength(1)
  })

  it('skips malformed groups and memberships written by another program', () => {
    const { doc, p } = evening()
    doc.getMap('groups').set('bad', new Y.Map())
    doc.getMap('groupMembers').set(p.a1, 'bad')
    doc.getMap('groupMembers').set(p.b1, 42 as never)
    expect(readGrouping(doc).groups).toEqual([])
    expect(shown(wallOf(doc)).sort()).toEqual([p.a1, p.a2, p.b1, p.b2].sort())
  })
})
