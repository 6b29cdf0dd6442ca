// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyOperation, newMeetingUpdate } from '../../tests/helpers/meetingOps'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { readMeeting } from '../doc/meetingDoc'
import { useUndoManager } from './useUndoManager'

afterEach(cleanup)

const texts = (doc: Y.Doc) => readMeeting(doc).proposals.map((p) => p.text)

describe('useUndoManager', () => {
  it("undoes and redoes this device's own edits, never another tablet's", () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, newMeetingUpdate())
    const other = new Y.Doc()
    Y.applyUpdate(other, newMeetingUpdate())
    const undo = renderHook((d: Y.Doc) => useUndoManager(d), doc)
    expect(undo.current).toMatchObject({ canUndo: false, canRedo: false })

    // Another tablet's proposal arrives through the relay: not this device's to undo.
    applyOperation(other, { kind: 'propose', atelier: 0, text: 'De là-bas' })
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'relay'))
    expect(undo.current.canUndo).toBe(false)

    act(() => void applyOperation(doc, { kind: 'propose', atelier: 0, text: 'D’ici' }))
    expect(undo.current.canUndo).toBe(true)
    act(() => undo.current.undo())
    expect(texts(doc)).toEqual(['De là-bas'])
    expect(undo.current).toMatchObject({ canUndo: false, canRedo: true })
    act(() => undo.current.redo())
    expect(texts(doc).sort()).toEqual(['De là-bas', 'D’ici'])
  })
})
