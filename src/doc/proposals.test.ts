import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readAteliers, transmit } from './ateliers'
import { createMeeting, readMeeting } from './meetingDoc'
import {
  addProposal,
  deleteProposal,
  editProposal,
  moveProposal,
  readProposals,
  restoreProposal,
  setValidated,
} from './proposals'
import { changedAfterTransmission, proposalWarnings } from './rules'

function meetingWithProposals(texts: string[]) {
  const doc = new Y.Doc()
  const [atelierId] = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
  const ids = texts.map((text, i) =>
    addProposal(doc, { atelierId: atelierId!, text, authorRole: 'reporter' }, 1000 + i),
  )
  return { doc, atelierId: atelierId!, ids }
}

const texts = (doc: Y.Doc) =>
  readProposals(doc)
    .filter((p) => p.deletedAt === null)
    .map((p) => p.text)

describe('proposals', () => {
  it('edits text, refusing an empty one', () => {
    const { doc, ids } = meetingWithProposals(['Avant'])
    editProposal(doc, ids[0]!, '  Après  ', 2000)
    expect(readProposals(doc)[0]).toMatchObject({ text: 'Après', updatedAt: 2000 })
    expect(() => editProposal(doc, ids[0]!, '   ')).toThrow()
    expect(readProposals(doc)[0]!.text).toBe('Après')
  })

  it('moves up and down among visible proposals, and not past the ends', () => {
    const { doc, ids } = meetingWithProposals(['a', 'b', 'c', 'd'])
    moveProposal(doc, ids[3]!, -1)
    expect(texts(doc)).toEqual(['a', 'b', 'd', 'c'])
    moveProposal(doc, ids[0]!, 1)
    expect(texts(doc)).toEqual(['b', 'a', 'd', 'c'])
    moveProposal(doc, ids[1]!, -1) // 'b' is first
    moveProposal(doc, ids[2]!, 1) // 'c' is last
    expect(texts(doc)).toEqual(['b', 'a', 'd', 'c'])
    // A binned proposal does not count as a place: 'c' moves up past 'd' only.
    deleteProposal(doc, ids[3]!)
    moveProposal(doc, ids[2]!, -1)
    expect(texts(doc)).toEqual(['b', 'c', 'a'])
  })

  it('moves to the bin and back without losing text or place', () => {
    const { doc, ids } = meetingWithProposals(['a', 'b', 'c'])
    setValidated(doc, ids[1]!, true)
    deleteProposal(doc, ids[1]!)
    expect(texts(doc)).toEqual(['a', 'c'])
    const binned = readProposals(doc).find((p) => p.id === ids[1])!
    expect(binned.deletedAt).not.toBeNull()
    expect(binned.validated).toBe(false)
    restoreProposal(doc, ids[1]!)
    expect(texts(doc)).toEqual(['a', 'b', 'c'])
  })

  it('warns (never blocks) when fewer than two proposals or not 2–3 validated', () => {
    const { doc, ids } = meetingWithProposals(['a'])
    expect(proposalWarnings(readProposals(doc)).map((w) => w.kind)).toEqual([
      'tooFewProposals',
      'tooFewValidated',
    ])
    const more = meetingWithProposals(['a', 'b', 'c', 'd'])
    for (const id of more.ids) setValidated(more.doc, id, true)
    expect(proposalWarnings(readProposals(more.doc))).toEqual([
      { kind: 'tooManyValidated', count: 4 },
    ])
    setValidated(more.doc, more.ids[0]!, false)
    expect(proposalWarnings(readProposals(more.doc))).toEqual([])
    deleteProposal(doc, ids[0]!)
    expect(proposalWarnings(readProposals(doc))[0]).toEqual({ kind: 'tooFewProposals', count: 0 })
  })

  it('marks proposals changed after the atelier transmitted', () => {
    const { doc, atelierId, ids } = meetingWithProposals(['a', 'b'])
    transmit(doc, atelierId, 5000)
    editProposal(doc, ids[1]!, 'b modifiée', 6000)
    const atelier = readAteliers(doc)[0]!
    const [a, b] = readMeeting(doc).proposals
    expect(changedAfterTransmission(a!, atelier)).toBe(false)
    expect(changedAfterTransmission(b!, atelier)).toBe(true)
  })
})
