import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { typeAtOnce } from '../../tests/helpers/meetingOps'
import { createMeeting, readMeeting } from './meetingDoc'
import { notesOf } from './layout'
import {
  diffText,
  editNote,
  followedNotes,
  noteKey,
  readNotes,
  rebaseChange,
  shiftCaret,
  type TextDelta,
} from './notes'
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

describe('a caret and a typed change when the note changed meanwhile', () => {
  it('moves the caret with what is inserted or deleted before it, not at or after it', () => {
    expect(shiftCaret(5, [{ insert: 'abc' }])).toBe(8)
    expect(shiftCaret(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5)
    expect(shiftCaret(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5)
    expect(shiftCaret(5, [{ retain: 1 }, { delete: 2 }])).toBe(3)
    expect(shiftCaret(5, [{ retain: 3 }, { delete: 4 }])).toBe(3)
    expect(shiftCaret(5, [{ delete: 1 }, { insert: 'xy' }])).toBe(6)
  })

  // The shown text is distinct lower-case letters, the others' inserts upper case, the typed
  // insert digits: each character says where it came from.
  const shownText = fc
    .uniqueArray(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { maxLength: 26 })
    .map((letters) => letters.join(''))
  const othersEdit = fc.record({
    at: fc.nat(40),
    deleteCount: fc.nat(4),
    insert: fc.stringMatching(/^[A-Z]{0,3}$/),
  })
  const typed = fc.record({
    at: fc.nat(30),
    deleteCount: fc.nat(4),
    insert: fc.stringMatching(/^[0-9]{0,3}$/),
  })

  it('deletes only shown characters still there, keeps all that came since, and inserts in place', () => {
    fc.assert(
      fc.property(shownText, fc.array(othersEdit, { maxLength: 5 }), typed, (shown, edits, key) => {
        const text = new Y.Doc().getText()
        text.insert(0, shown)
        const deltas: TextDelta[] = []
        text.observe((event) => deltas.push(event.delta))
        for (const edit of edits) {
          const index = edit.at % (text.length + 1)
          text.delete(index, Math.min(edit.deleteCount, text.length - index))
          text.insert(index, edit.insert)
        }
        const current = text.toString()
        const index = key.at % (shown.length + 1)
        const change = {
          index,
          deleteCount: Math.min(key.deleteCount, shown.length - index),
          insert: key.insert,
        }
        const { edits: rebased, at } = rebaseChange(change, shown.length, deltas)
        for (const edit of rebased) {
          text.delete(edit.index, edit.deleteCount)
          text.insert(edit.index, edit.insert)
        }
        const after = text.toString()
        const only = (pattern: RegExp, value: string) => value.replace(pattern, '')
        expect(only(/[^A-Z]/g, after)).toBe(only(/[^A-Z]/g, current))
        const deletedByKey = shown.slice(index, index + change.deleteCount)
        expect(only(/[^a-z]/g, after)).toBe(
          [...only(/[^a-z]/g, current)].filter((letter) => !deletedByKey.includes(letter)).join(''),
        )
        expect(only(/[^0-9]/g, after)).toBe(key.insert)
        // Shown letters before the change are before where it went, the others after it.
        if (key.insert) expect(after.indexOf(key.insert)).toBe(at)
        for (const [position, letter] of [...after].entries())
          if (/[a-z]/.test(letter)) expect(position < at).toBe(shown.indexOf(letter) < index)
      }),
    )
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
