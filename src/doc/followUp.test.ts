import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changeStatus, readFollowUp, recordRetained, StatusTransitionError } from './followUp'

const retained = (itemId: string, text = `Proposition ${itemId}`) => ({
  meetingId: 'm1',
  meetingTitle: 'Décembre',
  meetingDate: '2026-12-03',
  itemId,
  ateliers: ['Atelier 1'],
  text,
  retainedAt: 1000,
})

describe('tableau de suivi', () => {
  it('records retained proposals once, keeping their history', () => {
    const doc = new Y.Doc()
    expect(recordRetained(doc, [retained('a'), retained('b')])).toBe(2)
    changeStatus(doc, 'm1:a', { status: 'submittedToBoard', at: 2000, comment: '', owner: 'CCAS' })
    expect(recordRetained(doc, [retained('a', 'Nouvelle formulation'), retained('b')])).toBe(0)
    const [a] = readFollowUp(doc)
    expect(a).toMatchObject({ text: 'Nouvelle formulation', status: 'submittedToBoard' })
    expect(a!.history.map((h) => h.status)).toEqual(['retained', 'submittedToBoard'])
  })

  it('follows the path from the plenary to the realisation, and refuses shortcuts', () => {
    const doc = new Y.Doc()
    recordRetained(doc, [retained('a')])
    const go = (status: Parameters<typeof changeStatus>[2]['status'], at: number, comment = '') =>
      changeStatus(doc, 'm1:a', { status, at, comment, owner: 'Groupe accueil' })
    expect(() => go('done', 1500)).toThrow(StatusTransitionError)
    go('submittedToBoard', 2000)
    go('validated', 3000)
    go('assignedToGroup', 4000)
    go('inProgress', 5000)
    go('done', 6000)
    expect(readFollowUp(doc)[0]!.status).toBe('done')
    expect(() => go('inProgress', 7000)).toThrow(StatusTransitionError)
  })

  it('needs a reason to mark a proposal "non retenue"', () => {
    const doc = new Y.Doc()
    recordRetained(doc, [retained('a')])
    changeStatus(doc, 'm1:a', { status: 'submittedToBoard', at: 2000, comment: '', owner: '' })
    expect(() =>
      changeStatus(doc, 'm1:a', { status: 'rejected', at: 3000, comment: '  ', owner: '' }),
    ).toThrow(StatusTransitionError)
    changeStatus(doc, 'm1:a', {
      status: 'rejected',
      at: 3000,
      comment: 'Hors compétence',
      owner: '',
    })
    expect(readFollowUp(doc)[0]!.status).toBe('rejected')
  })

  it('keeps both of two concurrent changes, the later one current', () => {
    const a = new Y.Doc()
    recordRetained(a, [retained('x')])
    changeStatus(a, 'm1:x', { status: 'submittedToBoard', at: 2000, comment: '', owner: '' })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    changeStatus(a, 'm1:x', { status: 'validated', at: 10_000, comment: 'CA du 12', owner: '' })
    changeStatus(b, 'm1:x', { status: 'rejected', at: 5000, comment: 'Budget', owner: '' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readFollowUp(a)).toEqual(readFollowUp(b))
    expect(readFollowUp(a)[0]!.history.map((h) => h.status)).toEqual([
      'retained',
      'submittedToBoard',
      'rejected',
      'validated',
    ])
    expect(readFollowUp(a)[0]!.status).toBe('validated')
  })
})
