// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyOperation, newMeetingUpdate } from '../../tests/helpers/meetingOps'
import { cleanup, renderHook } from '../../tests/helpers/render'
import type { Meeting } from '../doc/meetingDoc'
import { pick, sameShape, useMeetingPart, useMeetingPartOnceThere } from './useMeetingPart'

afterEach(cleanup)

function meetingDoc(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, newMeetingUpdate(['Santé', 'Logement']))
  return doc
}

const typeInANote = (doc: Y.Doc) =>
  act(() => void applyOperation(doc, { kind: 'type', atelier: 1, note: 0, at: 0, text: 'bus' }))
const propose = (doc: Y.Doc, text: string) =>
  act(() => void applyOperation(doc, { kind: 'propose', atelier: 0, text }))

describe('useMeetingPart', () => {
  it('re-renders for the part it selects, not for a note typed in an atelier', () => {
    const doc = meetingDoc()
    const hook = renderHook((d: Y.Doc) => useMeetingPart(d, pick(['proposals'])), doc)
    const first = hook.current
    const renders = hook.renders

    typeInANote(doc)
    expect(hook.renders).toBe(renders)
    expect(hook.current).toBe(first)

    propose(doc, 'Un banc devant la mairie')
    expect(hook.renders).toBe(renders + 1)
    expect(hook.current.proposals.map((p) => p.text)).toEqual(['Un banc devant la mairie'])
  })

  it('keeps the last result when what it selects is shaped the same, for memoised children', () => {
    const doc = meetingDoc()
    const select = (m: Meeting) => ({ count: m.proposals.length, names: m.ateliers.length })
    const hook = renderHook((d: Y.Doc) => useMeetingPart(d, select), doc)
    const first = hook.current
    typeInANote(doc)
    expect(hook.current).toBe(first)
    propose(doc, 'Un numéro unique')
    expect(hook.current).toEqual({ count: 1, names: 2 })
  })

  it('selects again for the new document when the screen is given another one', () => {
    const hook = renderHook(
      (d: Y.Doc) => useMeetingPart(d, (m) => m.proposals.length),
      meetingDoc(),
    )
    const other = meetingDoc()
    propose(other, 'Un guichet')
    hook.rerender(other)
    expect(hook.current).toBe(1)
  })
})

describe('useMeetingPartOnceThere', () => {
  it('is null until the document holds a meeting, then selects from it', () => {
    const doc = new Y.Doc()
    const hook = renderHook(
      (d: Y.Doc) => useMeetingPartOnceThere(d, (m) => m.ateliers.map((a) => a.name)),
      doc,
    )
    expect(hook.current).toBeNull()
    // The meeting arrives from the relay on a device that just joined.
    act(() => Y.applyUpdate(doc, newMeetingUpdate(['Santé', 'Logement']), 'relay'))
    expect(hook.current).toEqual(['Santé', 'Logement'])
  })
})

describe('sameShape', () => {
  const part = { a: 1 }
  it('compares members by identity, one level deep', () => {
    expect(sameShape({ x: part, n: 1 }, { x: part, n: 1 })).toBe(true)
    expect(sameShape([part, 'b'], [part, 'b'])).toBe(true)
    expect(sameShape({ x: part }, { x: { a: 1 } })).toBe(false)
    expect(sameShape({ x: 1 }, { x: 1, y: undefined })).toBe(false)
    expect(sameShape({ y: undefined }, { x: undefined })).toBe(false)
    expect(sameShape([], {})).toBe(false)
    expect(sameShape(null, {})).toBe(false)
    expect(sameShape(Number.NaN, Number.NaN)).toBe(true)
  })
})
