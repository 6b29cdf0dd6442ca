import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAtelier } from './ateliers'
import {
  createMeeting,
  hasMeeting,
  migrateMeeting,
  readMeeting,
  SCHEMA_VERSION,
} from './meetingDoc'
import { addProposal } from './proposals'
import { origins } from './origins'

const evening = {
  title: 'Accès aux droits',
  date: '2026-12-03',
  atelierNames: ['Santé', 'Logement'],
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('meeting document', () => {
  it('starts empty and holds a meeting once created', () => {
    const doc = new Y.Doc()
    expect(hasMeeting(doc)).toBe(false)
    const ids = createMeeting(doc, evening, 1000)
    expect(hasMeeting(doc)).toBe(true)
    const meeting = readMeeting(doc)
    expect(meeting.schemaVersion).toBe(SCHEMA_VERSION)
    expect(meeting.title).toBe('Accès aux droits')
    expect(meeting.date).toBe('2026-12-03')
    expect(meeting.ateliers.map((a) => [a.id, a.name])).toEqual([
      [ids[0], 'Santé'],
      [ids[1], 'Logement'],
    ])
  })

  it('refuses a meeting without title or ateliers, leaving the document untouched', () => {
    const doc = new Y.Doc()
    expect(() => createMeeting(doc, { ...evening, title: '  ' })).toThrow()
    expect(() => createMeeting(doc, { ...evening, atelierNames: [] })).toThrow()
    expect(() => createMeeting(doc, { ...evening, date: '3 décembre' })).toThrow()
    expect(hasMeeting(doc)).toBe(false)
  })

  it('adds proposals at the end of their atelier, trimmed, even if the clock goes back', () => {
    const doc = new Y.Doc()
    const [sante] = createMeeting(doc, evening)
    addProposal(
      doc,
      { atelierId: sante!, text: '  Un guichet unique  ', authorRole: 'reporter' },
      2,
    )
    addProposal(
      doc,
      { atelierId: sante!, text: 'Des permanences le soir', authorRole: 'reporter' },
      1,
    )
    expect(readMeeting(doc).proposals.map((p) => p.text)).toEqual([
      'Un guichet unique',
      'Des permanences le soir',
    ])
  })

  it('refuses empty proposals and unknown ateliers without writing anything', () => {
    const doc = new Y.Doc()
    const [sante] = createMeeting(doc, evening)
    const before = Y.encodeStateVector(doc)
    expect(() =>
      addProposal(doc, { atelierId: sante!, text: '   ', authorRole: 'reporter' }),
    ).toThrow()
    expect(() =>
      addProposal(doc, { atelierId: 'nope', text: 'x', authorRole: 'reporter' }),
    ).toThrow()
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('tags every mutation with the local origin', () => {
    const doc = new Y.Doc()
    const seen: unknown[] = []
    doc.on('afterTransaction', (tr) => seen.push(tr.origin))
    const [sante] = createMeeting(doc, evening)
    addAtelier(doc, 'Emploi')
    addProposal(doc, { atelierId: sante!, text: 'Idée', authorRole: 'facilitator' })
    expect(seen).toEqual([origins.local, origins.local, origins.local])
  })

  it('merges proposals added concurrently on two tablets, same order everywhere', () => {
    const coordinator = new Y.Doc()
    const [sante, logement] = createMeeting(coordinator, evening)
    const tabletA = new Y.Doc()
    const tabletB = new Y.Doc()
    sync(coordinator, tabletA)
    sync(coordinator, tabletB)
    addProposal(tabletA, { atelierId: sante!, text: 'A1', authorRole: 'reporter' }, 10)
    addProposal(tabletB, { atelierId: logement!, text: 'B1', authorRole: 'reporter' }, 10)
    addAtelier(tabletA, 'Emploi')
    addAtelier(tabletB, 'Mobilité')
    sync(tabletA, tabletB)
    sync(tabletA, coordinator)
    const views = [coordinator, tabletA, tabletB].map(readMeeting)
    expect(views[1]).toEqual(views[0])
    expect(views[2]).toEqual(views[0])
    expect(views[0]!.proposals.map((p) => p.text).sort()).toEqual(['A1', 'B1'])
    expect(views[0]!.ateliers).toHaveLength(4)
  })

  it('skips entries written by a corrupt or newer peer instead of failing', () => {
    const doc = new Y.Doc()
    const [sante] = createMeeting(doc, evening)
    addProposal(doc, { atelierId: sante!, text: 'Valide', authorRole: 'reporter' })
    const bogus = new Y.Map<unknown>()
    bogus.set('text', 42)
    doc.getMap('proposals').set('bogus', bogus)
    doc.getMap('proposals').set('notamap', 'x')
    expect(readMeeting(doc).proposals.map((p) => p.text)).toEqual(['Valide'])
  })

  it('brings an older document up to the current schema version', () => {
    const doc = new Y.Doc()
    createMeeting(doc, evening)
    doc.getMap('meta').set('schemaVersion', 0)
    migrateMeeting(doc)
    expect(readMeeting(doc).schemaVersion).toBe(SCHEMA_VERSION)
  })
})
