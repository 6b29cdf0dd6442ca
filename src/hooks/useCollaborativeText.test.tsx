// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newMeetingUpdate } from '../../tests/helpers/meetingOps'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { notesOf } from '../doc/layout'
import type { MeetingSession } from '../sync/meetingSession'
import { useCollaborativeText } from './useCollaborativeText'

afterEach(cleanup)

/** No field: the text binding alone. The caret is tested through a field, in `CollaborativeTextarea.test.tsx`. */
const noField = { current: null }

/** The binôme's two tablets on one meeting; `sync()` exchanges what each lacks, as the relay does. */
function binome() {
  const start = newMeetingUpdate()
  const [a, b] = [new Y.Doc(), new Y.Doc()]
  for (const doc of [a, b]) Y.applyUpdate(doc, start)
  const key = [...notesOf(a).keys()].sort()[0]!
  const sync = () =>
    act(() => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'relay')
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'relay')
    })
  const note = (doc: Y.Doc) =>
    renderHook((k: string) => useCollaborativeText({ doc } as MeetingSession, k, noField), key)
  return { sync, a: note(a), b: note(b) }
}

describe('useCollaborativeText', () => {
  it('keeps every character when both tablets type in one note offline', () => {
    const { sync, a, b } = binome()
    act(() => a.current.change('Le bus'))
    sync()
    expect(b.current.value).toBe('Le bus')

    act(() => a.current.change('Le bus du dimanche'))
    act(() => b.current.change('Le bus le soir'))
    sync()
    expect(a.current.value).toBe(b.current.value)
    expect(a.current.value).toContain(' du dimanche')
    expect(a.current.value).toContain(' le soir')
  })

  it('says when the note does not exist (yet) on this tablet, and ignores typing there', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, newMeetingUpdate())
    const note = renderHook(
      (k: string) => useCollaborativeText({ doc } as MeetingSession, k, noField),
      'atelier-inconnu|etape|question',
    )
    expect(note.current).toMatchObject({ available: false, value: '' })
    act(() => note.current.change('perdu ?'))
    expect(notesOf(doc).has('atelier-inconnu|etape|question')).toBe(false)
  })
})
