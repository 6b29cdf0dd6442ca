import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAtelier } from './ateliers'
import { createMeeting, readMeeting } from './meetingDoc'
import { noteKey } from './notes'
import {
  addStep,
  BUILT_IN_TEMPLATES,
  moveStep,
  removeStep,
  toDrafts,
  updateStep,
  STANDARD_SCRIPT,
} from './script'

function meeting() {
  const doc = new Y.Doc()
  const ateliers = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A', 'B'] })
  return { doc, ateliers }
}

describe('trame editing', () => {
  it('starts from the standard 90-minute trame', () => {
    const { doc } = meeting()
    const script = readMeeting(doc).script
    expect(script.map((s) => s.title)).toEqual(STANDARD_SCRIPT.map((s) => s.title))
    expect(script.reduce((n, s) => n + s.durationMinutes, 0)).toBe(90)
  })

  it('adds a step with an empty note for every atelier, including ones added later', () => {
    const { doc, ateliers } = meeting()
    const stepId = addStep(doc, {
      title: 'Bilan',
      instructions: 'Tour de table final.',
      questions: ['Qu’avez-vous pensé de la soirée ?'],
      durationMinutes: 5,
    })
    const step = readMeeting(doc).script.at(-1)!
    expect(step.id).toBe(stepId)
    const later = addAtelier(doc, 'C')
    const notes = readMeeting(doc).notes
    for (const atelierId of [...ateliers, later])
      expect(notes[noteKey(atelierId, stepId, step.questions[0]!.id)]).toBe('')
  })

  it('edits a step, keeping the notes of questions that keep their id', () => {
    const { doc } = meeting()
    const step = readMeeting(doc).script[1]!
    const [kept] = step.questions
    updateStep(doc, step.id, {
      title: 'Constats partagés',
      durationMinutes: 20,
      questions: [
        { id: kept!.id, text: 'Qu’est-ce qui marche ?' },
        { id: null, text: 'Nouvelle' },
      ],
    })
    const edited = readMeeting(doc).script[1]!
    expect(edited).toMatchObject({ title: 'Constats partagés', durationMinutes: 20 })
    expect(edited.questions.map((q) => q.text)).toEqual(['Qu’est-ce qui marche ?', 'Nouvelle'])
    expect(edited.questions[0]!.id).toBe(kept!.id)
    expect(() => updateStep(doc, step.id, { durationMinutes: 0 })).toThrow()
    expect(() => updateStep(doc, step.id, { questions: [{ id: null, text: ' ' }] })).toThrow()
  })

  it('a step edit changes only the fields it names', () => {
    const { doc } = meeting()
    const step = readMeeting(doc).script[1]!
    updateStep(doc, step.id, { title: 'Constats' })
    updateStep(doc, step.id, { durationMinutes: 25 })
    expect(readMeeting(doc).script[1]).toEqual({
      ...step,
      title: 'Constats',
      durationMinutes: 25,
    })
  })

  it('reorders and removes steps', () => {
    const { doc } = meeting()
    const [first, second] = readMeeting(doc).script
    moveStep(doc, first!.id, 1)
    expect(
      readMeeting(doc)
        .script.slice(0, 2)
        .map((s) => s.id),
    ).toEqual([second!.id, first!.id])
    removeStep(doc, second!.id)
    expect(readMeeting(doc).script.map((s) => s.id)).not.toContain(second!.id)
  })

  it('copies a trame as drafts that share no identity with the source', () => {
    const { doc } = meeting()
    const drafts = toDrafts(readMeeting(doc).script)
    const copy = new Y.Doc()
    createMeeting(copy, { title: 'Copie', date: '2026-12-10', atelierNames: ['A'] }, 0, drafts)
    const [a, b] = [readMeeting(doc).script, readMeeting(copy).script]
    expect(b.map((s) => s.title)).toEqual(a.map((s) => s.title))
    const ids = new Set(a.flatMap((s) => [s.id, ...s.questions.map((q) => q.id)]))
    for (const step of b) {
      expect(ids.has(step.id)).toBe(false)
      for (const question of step.questions) expect(ids.has(question.id)).toBe(false)
    }
  })
})

describe('built-in trames', () => {
  it('never invite the group to give, or the rapporteur to note, first names', () => {
    for (const template of BUILT_IN_TEMPLATES)
      for (const step of template.steps)
        expect(`${step.instructions} ${step.questions.join(' ')}`).not.toMatch(/prénom/i)
  })
})
