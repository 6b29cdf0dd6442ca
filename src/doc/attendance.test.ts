import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { adjustAttendance, readAttendance } from './attendance'
import { createMeeting } from './meetingDoc'

describe('attendance', () => {
  it('counts taps from two tablets made at the same moment', () => {
    const a = new Y.Doc()
    const [atelier] = createMeeting(a, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    adjustAttendance(a, atelier!, 'usagerNew', 1)
    adjustAttendance(b, atelier!, 'usagerNew', 1)
    adjustAttendance(b, atelier!, 'elected', 1)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readAttendance(a)[atelier!]).toMatchObject({ usagerNew: 2, elected: 1, agent: 0 })
    expect(readAttendance(b)).toEqual(readAttendance(a))
  })

  it('never goes below zero', () => {
    const doc = new Y.Doc()
    const [atelier] = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    adjustAttendance(doc, atelier!, 'agent', -1)
    expect(readAttendance(doc)[atelier!]?.agent ?? 0).toBe(0)
    adjustAttendance(doc, atelier!, 'agent', 1)
    adjustAttendance(doc, atelier!, 'agent', -1)
    adjustAttendance(doc, atelier!, 'agent', -1)
    expect(readAttendance(doc)[atelier!]!.agent).toBe(0)
  })

  it('ignores malformed entries written by another program', () => {
    const doc = new Y.Doc()
    doc.getMap('attendance').set('x|nonsense|1', 5)
    doc.getMap('attendance').set('x|agent|1', 'five' as never)
    expect(readAttendance(doc)).toEqual({})
  })
})
