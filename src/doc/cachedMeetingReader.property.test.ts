import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyOperation, meetingOperation, newMeetingUpdate } from '../../tests/helpers/meetingOps'
import { applyPlenaryOperation, plenaryOperation } from '../../tests/helpers/plenaryOps'
import { groupProposals } from './grouping'
import { cachedMeetingReader, readMeeting } from './meetingDoc'
import { setScreen } from './plenary'
import { addProposal } from './proposals'
import { enterCount, setRetained } from './votes'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'

/**
 * The cached reader re-reads only the parts whose roots changed: after any sequence of edits,
 * local or merged from another device, it must read exactly what a fresh `readMeeting` reads.
 */
const edit = fc.oneof(
  meetingOperation.map((op) => ({ plenary: false as const, op })),
  plenaryOperation.map((op) => ({ plenary: true as const, op })),
)
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never

/** Edits as data (so fast-check prints a failing case), applied by the helpers' own functions. */
function apply(doc: Y.Doc, edit: Edit): void {
  if (edit.plenary) applyPlenaryOperation(doc, edit.op, { at: 1000, counter: 'counter' })
  else applyOperation(doc, edit.op)
}

describe('cached meeting reader', () => {
  it(
    'always reads what a fresh read reads',
    () =>
      checkProperty(
        fc.property(fc.array(fc.tuple(fc.boolean(), edit), { maxLength: 40 }), (steps) => {
          const doc = new Y.Doc()
          const other = new Y.Doc()
          const start = newMeetingUpdate()
          Y.applyUpdate(doc, start)
          Y.applyUpdate(other, start)
          const read = cachedMeetingReader(doc)
          expect(read()).toEqual(readMeeting(doc))
          for (const [remote, step] of steps) {
            if (remote) {
              apply(other, step)
              Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
            } else apply(doc, step)
            expect(read()).toEqual(readMeeting(doc))
          }
        }),
        100,
      ),
    PROPERTY_TEST_TIMEOUT,
  )

  it('sees plenary, grouping and votes changes', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, newMeetingUpdate())
    const [atelier] = readMeeting(doc).ateliers
    const ids = ['Un', 'Deux'].map((text) =>
      addProposal(doc, { atelierId: atelier!.id, text, authorRole: 'reporter' }),
    )
    const read = cachedMeetingReader(doc)
    const before = read()
    setScreen(doc, 'ranking')
    groupProposals(doc, ids, 'Ensemble')
    enterCount(doc, 'item', 'overall', 'counter', 12)
    setRetained(doc, 'item', true)
    expect(read()).toEqual(readMeeting(doc))
    expect(read().plenary).not.toEqual(before.plenary)
    // Parts nobody touched keep their identity, so React can skip them.
    expect(read().script).toBe(before.script)
  })
})
