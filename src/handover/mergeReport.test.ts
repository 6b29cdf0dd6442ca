import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAtelier } from '../doc/ateliers'
import { createMeeting, readMeeting } from '../doc/meetingDoc'
import { updateDetails } from '../doc/details'
import { editNote, noteKey } from '../doc/notes'
import { addProposal, deleteProposal, editProposal } from '../doc/proposals'
import { mergeReport, touchedAteliers } from './mergeReport'

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
      { kind: 'atelierAdded', entity: 'atelier', count: 1, destructive: false },
      { kind: 'proposalAdded', entity: 'proposal', count: 3, destructive: false },
      { kind: 'proposalModified', entity: 'proposal', count: 1, destructive: false },
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

  it('counts what would be erased, binned, removed or renamed, and flags it', () => {
    const { doc, sante } = evening()
    const binned = addProposal(doc, { atelierId: sante, text: 'Idée', authorRole: 'reporter' })
    addProposal(doc, { atelierId: sante, text: 'Autre', authorRole: 'reporter' })
    const full = readMeeting(doc)
    deleteProposal(doc, binned)
    updateDetails(doc, { title: 'Renommée' })
    const after = readMeeting(doc)
    const gone = {
      ...after,
      proposals: after.proposals.filter((p) => p.id === binned),
      ateliers: [],
    }
    expect(mergeReport(full, gone)).toEqual([
      { kind: 'titleChanged', entity: 'meeting', count: 1, destructive: true },
      { kind: 'atelierRemoved', entity: 'atelier', count: 2, destructive: true },
      { kind: 'proposalBinned', entity: 'proposal', count: 1, destructive: true },
      { kind: 'proposalDeleted', entity: 'proposal', count: 1, destructive: true },
    ])
  })

  it('names the ateliers a change touches from the content, not from a header', () => {
    const { doc, sante } = evening()
    const before = readMeeting(doc)
    const logement = before.ateliers[1]!.id
    addProposal(doc, { atelierId: logement, text: 'Chez Logement', authorRole: 'reporter' })
    expect(touchedAteliers(before, readMeeting(doc))).toEqual(['Logement'])
    const step = before.script[0]!
    editNote(doc, noteKey(sante, step.id, step.questions[0]!.id), {
      index: 0,
      deleteCount: 0,
      insert: 'Une note',
    })
    expect(touchedAteliers(before, readMeeting(doc))).toEqual(['Santé', 'Logement'])
  })
})
