import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { typeAtOnce } from '../../tests/helpers/meetingOps'
import { notesOf, plenaryOf } from './layout'
import { createMeeting, readMeeting } from './meetingDoc'
import { editNote } from './notes'
import {
  debateNoteKey,
  hasDebateNote,
  neighbourScreen,
  openDebateNote,
  readPlenary,
  setScreen,
  setSpotlight,
  stepScreen,
} from './plenary'
import { addProposal } from './proposals'

function meeting() {
  const doc = new Y.Doc()
  const [atelierId] = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
  return { doc, atelierId: atelierId! }
}

describe('plenary screens', () => {
  it('shows the wall until the coordinator drives, then follows next and previous', () => {
    const { doc } = meeting()
    expect(readPlenary(doc)).toEqual({ screen: 'wall', spotlight: null })
    setScreen(doc, 'howItWorks')
    stepScreen(doc, 'howItWorks', -1) // already first
    expect(readPlenary(doc).screen).toBe('howItWorks')
    stepScreen(doc, 'howItWorks', 1)
    stepScreen(doc, 'followUp', 1)
    expect(readPlenary(doc).screen).toBe('theme')
    expect(neighbourScreen('ranking', 1)).toBeNull()
    expect(neighbourScreen('ateliers', 1)).toBe('wall')
  })

  it('moves one screen when two coordinator devices press "Suivant" at once', () => {
    const { doc: a } = meeting()
    setScreen(a, 'followUp')
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    stepScreen(a, readPlenary(a).screen, 1)
    stepScreen(b, readPlenary(b).screen, 1)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readPlenary(a).screen).toBe('theme')
    expect(readPlenary(b).screen).toBe('theme')
  })

  it('spotlights an atelier or an item, on the wall, and goes back to the whole wall', () => {
    const { doc, atelierId } = meeting()
    setScreen(doc, 'ranking')
    setSpotlight(doc, { kind: 'atelier', id: atelierId })
    expect(readPlenary(doc)).toEqual({
      screen: 'wall',
      spotlight: { kind: 'atelier', id: atelierId },
    })
    setSpotlight(doc, null)
    expect(readPlenary(doc).spotlight).toBeNull()
    expect(() => setSpotlight(doc, { kind: 'nope' as never, id: 'x' })).toThrow()
  })

  it('falls back on defaults when another program wrote nonsense', () => {
    const { doc } = meeting()
    plenaryOf(doc).set('screen', 'disco')
    plenaryOf(doc).set('spotlight', { kind: 'item' })
    expect(readPlenary(doc)).toEqual({ screen: 'wall', spotlight: null })
  })
})

describe('debate notes', () => {
  it('are created with each proposal, so no two devices ever create the same one', () => {
    const { doc, atelierId } = meeting()
    const id = addProposal(doc, { atelierId, text: 'Un guichet unique', authorRole: 'reporter' })
    expect(hasDebateNote(doc, id)).toBe(true)
    // Both coordinator devices type in it at once: both keep every character.
    const { here, there } = typeAtOnce(doc, debateNoteKey(id), 'Pour : 12. ', 'Contre : le coût. ')
    expect(here).toBe(there)
    expect(here).toContain('Pour : 12. ')
    expect(here).toContain('Contre : le coût. ')
  })

  it('are opened on demand for a proposal written by an older app, once', () => {
    const { doc, atelierId } = meeting()
    const id = addProposal(doc, { atelierId, text: 'Ancienne', authorRole: 'reporter' })
    notesOf(doc).delete(debateNoteKey(id))
    expect(hasDebateNote(doc, id)).toBe(false)
    openDebateNote(doc, id)
    editNote(doc, debateNoteKey(id), { index: 0, deleteCount: 0, insert: 'Noté' })
    openDebateNote(doc, id) // already there: kept, not replaced
    expect(readMeeting(doc).notes[debateNoteKey(id)]).toBe('Noté')
  })
})
