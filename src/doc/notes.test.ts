import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { typeAtOnce } from '../../tests/helpers/meetingOps'
import { createMeeting, readMeeting } from './meetingDoc'
import { diffText, noteKey } from './notes'

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
