import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { adjustAttendance } from './attendance'
import { updateDetails } from './details'
import { createMeeting, readMeeting } from './meetingDoc'
import { diffText, editNote, noteKey } from './notes'
import { addProposal } from './proposals'
import { openEarlierCopy, restoreFrom } from './restore'

/** A meeting with content in two ateliers: proposals, a note, attendance. */
function eveningAt2010() {
  const doc = new Y.Doc()
  const [sante, logement] = createMeeting(doc, {
    title: 'Soirée du 3 décembre',
    date: '2026-12-03',
    atelierNames: ['Santé', 'Logement'],
  })
  const meeting = readMeeting(doc)
  const step = meeting.script[0]!
  const note = noteKey(sante!, step.id, step.questions[0]!.id)
  addProposal(doc, { atelierId: sante!, text: 'Une permanence le samedi', authorRole: 'reporter' })
  addProposal(doc, { atelierId: logement!, text: 'Un guide des aides', authorRole: 'reporter' })
  editNote(doc, note, diffText('', 'Le groupe parle des horaires.'))
  adjustAttendance(doc, sante!, 'usagerNew', 1)
  return { doc, sante: sante!, logement: logement!, note }
}

/** The snapshot the relay would have kept, opened as the coordinator's device opens it. */
const snapshotOf = (doc: Y.Doc) => openEarlierCopy(Y.encodeStateAsUpdate(doc))!

/** Empties every root, as a hostile or buggy client could. */
function wipe(doc: Y.Doc) {
  doc.transact(() => {
    for (const root of ['meta', 'ateliers', 'proposals', 'notes', 'attendance', 'script'])
      for (const key of doc.getMap(root).keys()) doc.getMap(root).delete(key)
  })
}

describe('restore to a moment', () => {
  it('brings a wiped meeting back, as a change another device receives like any other', () => {
    const { doc } = eveningAt2010()
    const earlier = snapshotOf(doc)
    const expected = readMeeting(earlier)
    const tablet = new Y.Doc()
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(doc))

    wipe(doc)
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tablet)))
    expect(readMeeting(tablet).proposals).toEqual([])

    const before = Y.encodeStateVector(doc)
    expect(restoreFrom(doc, earlier, { kind: 'meeting' })).toBe(true)
    expect(readMeeting(doc)).toEqual(expected)
    // Only the new change travels; the tablet merges it and reads the same meeting.
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(doc, before))
    expect(readMeeting(tablet)).toEqual(expected)
  })

  it('restores one atelier and leaves what the others did since', () => {
    const { doc, sante, logement, note } = eveningAt2010()
    const earlier = snapshotOf(doc)
    const santeThen = readMeeting(earlier).proposals.filter((p) => p.atelierId === sante)

    // Later: Santé is emptied by mistake; Logement keeps working.
    const restored = new Y.Doc()
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(earlier))
    wipeAtelier(restored, sante, note)
    addProposal(restored, { atelierId: logement, text: 'Une visite', authorRole: 'reporter' })
    updateDetails(restored, { title: 'Nouveau titre' })

    expect(restoreFrom(restored, earlier, { kind: 'atelier', atelierId: sante })).toBe(true)
    const after = readMeeting(restored)
    expect(after.proposals.filter((p) => p.atelierId === sante)).toEqual(santeThen)
    expect(after.notes[note]).toBe('Le groupe parle des horaires.')
    expect(after.proposals.filter((p) => p.atelierId === logement).map((p) => p.text)).toEqual([
      'Un guide des aides',
      'Une visite',
    ])
    expect(after.title).toBe('Nouveau titre')
  })

  it('changes nothing when the meeting already is as it was', () => {
    const { doc } = eveningAt2010()
    let updates = 0
    doc.on('update', () => updates++)
    expect(restoreFrom(doc, snapshotOf(doc), { kind: 'meeting' })).toBe(false)
    expect(updates).toBe(0)
  })

  it('keeps a keystroke typed at the same moment on another tablet', () => {
    const { doc, note } = eveningAt2010()
    const earlier = snapshotOf(doc)
    editNote(doc, note, diffText('Le groupe parle des horaires.', 'Le groupe parle.'))
    const tablet = new Y.Doc()
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(doc))

    restoreFrom(doc, earlier, { kind: 'meeting' })
    editNote(tablet, note, diffText('Le groupe parle.', 'Le groupe parle. Bis'))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(tablet))
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(doc))
    expect(readMeeting(doc).notes[note]).toBe('Le groupe parle des horaires. Bis')
    expect(readMeeting(tablet).notes[note]).toBe('Le groupe parle des horaires. Bis')
  })

  it('refuses an earlier copy that is not a meeting', () => {
    expect(openEarlierCopy(new Uint8Array([1, 2, 3]))).toBeNull()
    const committee = new Y.Doc()
    committee.getMap('committee').set('schemaVersion', 1)
    expect(openEarlierCopy(Y.encodeStateAsUpdate(committee))).toBeNull()
  })
})

function wipeAtelier(doc: Y.Doc, atelierId: string, note: string) {
  doc.transact(() => {
    const proposals = doc.getMap<Y.Map<unknown>>('proposals')
    for (const [id, proposal] of proposals.entries())
      if (proposal.get('atelierId') === atelierId) proposals.delete(id)
    doc.getMap('notes').delete(note)
  })
}
