import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAtelier } from '../doc/ateliers'
import { createMeeting, readMeeting } from '../doc/meetingDoc'
import { addProposal, editProposal } from '../doc/proposals'
import { mergeReport } from './mergeReport'

function evening() {
  const doc = new Y.Doc()
  const [sante] = createMeeting(doc, {
    title: 'Accès aux droits',
    date: '2026-12-03',
    atelierNames: ['Santé', 'Logement'],
  })
  return { doc, sante: sante! }
}

describe('merge report', () => {
  it('reports nothing between a meeting and itself', () => {
    const { doc, sante } = evening()
    addProposal(doc, { atelierId: sante, text: 'Un guichet unique', authorRole: 'reporter' })
    expect(mergeReport(readMeeting(doc), readMeeting(doc))).toEqual([])
  })

  it('counts ateliers added, proposals added and proposals whose text changed, in that order', () => {
    const { doc, sante } = evening()
    const kept = addProposal(doc, { atelierId: sante, text: 'Garder', authorRole: 'reporter' })
    const edited = addProposal(doc, { atelierId: sante, text: 'Avant', authorRole: 'reporter' })
    const before = readMeeting(doc)
    editProposal(doc, edited, 'Après')
    addAtelier(doc, 'Emploi')
    for (const text of ['Une', 'Deux', 'Trois'])
      addProposal(doc, { atelierId: sante, text, authorRole: 'reporter' })
    expect(mergeReport(before, readMeeting(doc))).toEqual([
      { kind: 'atelierAdded', entity: 'atelier', count: 1 },
      { kind: 'proposalAdded', entity: 'proposal', count: 3 },
      { kind: 'proposalModified', entity: 'proposal', count: 1 },
    ])
    expect(readMeeting(doc).proposals.find((p) => p.id === kept)?.text).toBe('Garder')
  })

  it('does not count a proposal as modified when only its other fields changed', () => {
    const { doc, sante } = evening()
    addProposal(doc, { atelierId: sante, text: 'Idée', authorRole: 'reporter' })
    const before = readMeeting(doc)
    const after = {
      ...before,
      proposals: before.proposals.map((p) => ({ ...p, atelierId: 'ailleurs', createdAt: 0 })),
    }
    expect(mergeReport(before, after)).toEqual([])
  })

  it('counts only what the snapshots show, never entities that disappeared', () => {
    const { doc, sante } = evening()
    addProposal(doc, { atelierId: sante, text: 'Idée', authorRole: 'reporter' })
    const full = readMeeting(doc)
    expect(mergeReport(full, { ...full, proposals: [], ateliers: [] })).toEqual([])
  })
})
