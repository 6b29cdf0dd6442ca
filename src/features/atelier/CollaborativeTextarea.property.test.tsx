// @vitest-environment happy-dom
/**
 * Two tablets type in one note through their fields while a third device edits it and the
 * network delivers updates late, out of order, or drops them until a later sync. Whatever the
 * interleaving: every character arrives, each tablet's words stay in one piece, they land where
 * that tablet's caret was when it was focused, and its caret ends right after them. Some of the
 * typing goes through an input method's composition, which others' changes wait for, and which
 * ends in the order of Chromium's, WebKit's or Gecko's events.
 *
 * The note starts as the digits 0–9 (each once, so each tells where it is). The third device
 * inserts runs of "*" where it cuts no one's words, and deletes digits. It also writes embeds
 * and formatting anywhere, even inside a word, as a hostile device could: the fields do not show
 * them, and they stay in the note.
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { act } from 'react'
import { describe, it } from 'vitest'
import * as Y from 'yjs'
import {
  ENGINES,
  NOTE,
  NoteTablet,
  noteUpdate,
  type Engine,
} from '../../../tests/helpers/noteTablet'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../../tests/helpers/property'
import { mergeOrder, ReplicaNetwork, stepOf } from '../../../tests/helpers/replicaNetwork'
import { editNote, noteText } from '../../doc/notes'

const START = '0123456789'
const WORDS = ['Alpha alpha. Alpha alpha. ', 'Beta beta. Beta beta. ']
const OTHER = 2

type Op =
  /**
   * One of the two tablets (0, 1) types its next characters, or starts or ends composing (the
   * end in one engine's order of events).
   */
  | { kind: 'type'; count: number }
  | { kind: 'compose'; engine: Engine }
  /** The other device (2) edits, or writes by hand an embed and formatting (as a hostile one could). */
  | { kind: 'insert'; at: number; length: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'embed'; at: number; length: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('compose'), engine: fc.constantFrom(...ENGINES) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('type'), count: fc.integer({ min: 1, max: 3 }) }),
  },
  ...(['insert', 'delete', 'embed'] as const).map((kind) => ({
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant(kind),
      at: fc.nat(60),
      length: fc.integer({ min: 1, max: 3 }),
    }),
  })),
)

/** A character one of the tablets typed (neither a digit of the start nor the other's "*"). */
const typed = (char: string | undefined) => char !== undefined && !/[0-9*]/.test(char)

/** The other device's edit: "*"s between two characters no tablet typed, or digits deleted. */
function otherEdit(doc: Y.Doc, op: Extract<Op, { kind: 'insert' | 'delete' }>): number {
  const text = noteText(doc, NOTE)!.toString()
  const candidates = [...Array(text.length + 1).keys()].filter((index) =>
    op.kind === 'insert'
      ? !typed(text[index - 1]) && !typed(text[index])
      : /[0-9]/.test(text[index] ?? ''),
  )
  if (candidates.length === 0) return 0
  const index = candidates[op.at % candidates.length]!
  if (op.kind === 'insert') {
    editNote(doc, NOTE, { index, deleteCount: 0, insert: '*'.repeat(op.length) })
    return 0
  }
  let deleteCount = 0
  while (deleteCount < op.length && /[0-9]/.test(text[index + deleteCount] ?? '')) deleteCount++
  editNote(doc, NOTE, { index, deleteCount, insert: '' })
  return deleteCount
}

describe('two tablets and a third device in one note', () => {
  it(
    'keeps each tablet’s words whole, where its caret was, and loses nothing',
    () =>
      checkProperty(
        fc.property(
          fc.tuple(fc.nat(START.length), fc.nat(START.length)),
          fc.array(stepOf(3, op, { edit: 3, network: 2 }), { maxLength: 60 }),
          mergeOrder(3),
          (carets, steps, order) => {
            const network = new ReplicaNetwork(3, noteUpdate(START))
            const tablets = [0, 1].map((index) => new NoteTablet(network.docs[index]!))
            try {
              tablets.forEach((tablet, index) => tablet.focus(carets[index]!))
              const typedSoFar = ['', '']
              let deleted = 0
              let stars = 0
              let embeds = 0
              const composing = [false, false]
              const compose = (index: number, engine: Engine) => {
                if (composing[index]) tablets[index]!.commit(engine)
                else tablets[index]!.compose()
                composing[index] = !composing[index]
              }
              for (const step of steps) {
                if (step.kind !== 'edit') act(() => network.apply(step))
                else if (step.replica !== OTHER && step.op.kind === 'type') {
                  const word = WORDS[step.replica]!
                  const chars = word.slice(typedSoFar[step.replica]!.length).slice(0, step.op.count)
                  tablets[step.replica]!.type(chars)
                  typedSoFar[step.replica] += chars
                } else if (step.replica !== OTHER && step.op.kind === 'compose')
                  compose(step.replica, step.op.engine)
                else if (
                  step.replica === OTHER &&
                  (step.op.kind === 'insert' || step.op.kind === 'delete')
                ) {
                  stars += step.op.kind === 'insert' ? step.op.length : 0
                  deleted += otherEdit(network.docs[OTHER]!, step.op)
                } else if (step.replica === OTHER && step.op.kind === 'embed') {
                  const text = noteText(network.docs[OTHER]!, NOTE)!
                  const at = step.op.at % (text.length + 1)
                  text.insertEmbed(at, { embed: embeds++ })
                  // Not past the end, where Yjs formats by adding line breaks.
                  text.format(at, Math.min(step.op.length, text.length - at), { bold: true })
                }
              }
              for (const index of [0, 1]) if (composing[index]) compose(index, 'chromium')
              act(() => network.heal(order))
              const note = network.sameEverywhere((doc) => noteText(doc, NOTE)!.toString())
              const lengths = typedSoFar.reduce((sum, word) => sum + word.length, 0)
              assert.equal(note.length, START.length - deleted + stars + lengths, note)
              const kept = (doc: Y.Doc) =>
                noteText(doc, NOTE)!
                  .toDelta()
                  .filter((op: { insert: unknown }) => typeof op.insert !== 'string').length
              assert.equal(network.sameEverywhere(kept), embeds)
              tablets.forEach((tablet, index) => {
                const word = typedSoFar[index]!
                if (!word) return
                const at = note.indexOf(word)
                assert.ok(at >= 0, `${JSON.stringify(word)} whole in ${JSON.stringify(note)}`)
                for (const digit of START) {
                  const where = note.indexOf(digit)
                  if (where >= 0)
                    assert.equal(where < at, Number(digit) < carets[index]!, `${digit} in ${note}`)
                }
                assert.deepEqual(tablet.caret, [at + word.length, at + word.length], note)
              })
            } finally {
              for (const tablet of tablets) tablet.close()
              network.destroy()
            }
          },
        ),
        100,
      ),
    PROPERTY_TEST_TIMEOUT,
  )
})
