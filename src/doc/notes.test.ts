import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { typeAtOnce } from '../../tests/helpers/meetingOps'
import { createMeeting, readMeeting } from './meetingDoc'
import { notesOf } from './layout'
import { diffText, editNote, followedNotes, noteKey, readNotes } from './notes'
import { skippedIn } from './untrusted'

function apply(before: string, change: ReturnType<typeof diffText>): string {
  return (
    before.slice(0, change.index) + change.insert + before.slice(change.index + change.deleteCount)
  )
}

describe('notes', () => {
  it('finds the smallest single change between two texts', () => {
    expect(diffText('abc', 'abXc')).toEqual({ index: 2, deleteCount: 0, insert: 'X' })
    expect(diffText('abc', 'ac')).toEqual({ index: 1, deleteCount: 1, insert: '' })
    expect(diffText('aaa', 'aaaa')).toEqual({ index: 3, deleteCount: 0, insert: 'a' })
    expect(diffText('', '')).toEqual({ index: 0, deleteCount: 0, insert: '' })
  })

  it('always turns the old text into the new one', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(apply(before, diffText(before, after))).toBe(after)
      }),
    )
  })

  it('creates every note with the meeting, and keeps both tablets’ typing', () => {
    const a = new Y.Doc()
    const [atelier] = createMeeting(a, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    const meeting = readMeeting(a)
    const step = meeting.script[1]!
    const key = noteKey(atelier!, step.id, step.questions[0]!.id)
    expect(Object.keys(meeting.notes)).toHaveLength(
      meeting.script.reduce((n, s) => n + s.questions.length, 0),
    )
    const { here, there } = typeAtOnce(a, key, 'Bus trop rares. ', 'Accueil chaleureux. ')
    expect(here).toBe(there)
    expect(here).toContain('Bus trop rares. ')
    expect(here).toContain('Accueil chaleureux. ')
  })
})

describe('followed notes', () => {
  it('reads what a fresh read reads, after edits, hostile entries and merges, re-reading only what changed', () => {
    const doc = new Y.Doc()
    const other = new Y.Doc()
    const [atelier] = createMeeting(doc, {
      title: 'Soirée',
      date: '2026-12-03',
      atelierNames: ['Santé', 'Logement'],
    })
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const merge = () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
    const { script } = readMeeting(doc)
    const key = noteKey(atelier!, script[0]!.id, script[0]!.questions[0]!.id)
    const read = followedNotes(doc)
    const check = () => {
      const followed = read()
      const skipped = skippedIn(doc)
      expect(followed).toEqual(readNotes(doc))
      expect(skippedIn(doc)).toBe(skipped)
      return followed
    }

    const first = check()
    expect(read()).toBe(first)
    editNote(doc, key, { index: 0, deleteCount: 0, insert: 'Trop de papiers' })
    const typed = check()
    expect(typed[key]).toBe('Trop de papiers')
    // The other tablet has the typing, then adds before it.
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))
    editNote(other, key, { index: 0, deleteCount: 0, insert: 'Dit : ' })
    merge()
    expect(check()[key]).toBe('Dit : Trop de papiers')
    // What is not a note is skipped and counted, then forgotten once it goes.
    notesOf(doc).set('__proto__', new Y.Text('x'))
    notesOf(doc).set(`${atelier}|bad key`, new Y.Text('x'))
    notesOf(other).set(key.replace(/\|[^|]*$/, '|q9'), 7 as never)
    merge()
    check()
    expect(skippedIn(doc)).toBe(3)
    notesOf(doc).delete('__proto__')
    notesOf(doc).delete(key)
    const after = check()
    expect(skippedIn(doc)).toBe(2)
    expect(Object.hasOwn(after, key)).toBe(false)
    // A note replaced by another text is read from the new one.
    notesOf(doc).set(key, new Y.Text('Nouveau'))
    expect(check()[key]).toBe('Nouveau')
  })
})
