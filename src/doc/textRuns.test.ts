import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  rebaseChange,
  shiftCaret,
  shiftSelection,
  stringChange,
  type TextChange,
  type TextDelta,
} from './textRuns'

function apply(before: string, change: TextChange): string {
  return (
    before.slice(0, change.index) + change.insert + before.slice(change.index + change.deleteCount)
  )
}

const [retain, insert, del] = (['retain', 'insert', 'delete'] as const).map(
  (op) => (length: number) => ({ op, length }),
)

describe('a caret and a typed change when the note changed meanwhile', () => {
  it('moves the caret with what is inserted or deleted before it, not at or after it', () => {
    expect(shiftCaret(5, [insert!(3)])).toBe(8)
    expect(shiftCaret(5, [retain!(5), insert!(3)])).toBe(5)
    expect(shiftCaret(5, [retain!(7), insert!(3)])).toBe(5)
    expect(shiftCaret(5, [retain!(1), del!(2)])).toBe(3)
    expect(shiftCaret(5, [retain!(3), del!(4)])).toBe(3)
    expect(shiftCaret(5, [del!(1), insert!(2)])).toBe(6)
  })

  it('keeps a selected range around what it held: text inserted at its edges stays outside', () => {
    expect(shiftSelection([3, 6], [retain!(3), insert!(2)])).toEqual([5, 8])
    expect(shiftSelection([3, 6], [retain!(6), insert!(2)])).toEqual([3, 6])
    expect(shiftSelection([3, 6], [retain!(3), del!(1)])).toEqual([3, 5])
    expect(shiftSelection([3, 3], [retain!(3), insert!(2)])).toEqual([3, 3])
  })

  it('reads a change of the string from the items: an embed is not characters, whatever it holds', () => {
    const text = new Y.Doc().getText()
    text.insert(0, 'abcdef')
    const deltas: TextDelta[] = []
    text.observe((event) => deltas.push(stringChange(event)))
    text.insertEmbed(2, { image: 'x' })
    text.format(0, 3, { bold: true })
    text.doc!.transact(() => {
      text.delete(1, 3) // "b", the image, "c"
      text.insert(2, 'XY') // after "ad"
    })
    expect(deltas).toEqual([[], [], [retain!(1), del!(2), retain!(1), insert!(2)]])
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
        text.observe((event) => deltas.push(stringChange(event)))
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
        const { edits: rebased, rest } = rebaseChange(change, shown.length, deltas)
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
        // `rest` leads from the field's text after the change to the shared text.
        const typedField = apply(shown, change)
        let [field, shared] = [0, 0]
        for (const { op, length } of rest) {
          if (op === 'retain')
            expect(after.slice(shared, shared + length)).toBe(
              typedField.slice(field, field + length),
            )
          if (op !== 'insert') field += length
          if (op !== 'delete') shared += length
        }
        expect(after.slice(shared)).toBe(typedField.slice(field))
        // Shown letters before the change are before where it went, the others after it.
        const at = key.insert ? after.indexOf(key.insert) : rebased.at(-1)?.index
        if (at === undefined) return
        for (const [position, letter] of [...after].entries())
          if (/[a-z]/.test(letter)) expect(position < at).toBe(shown.indexOf(letter) < index)
      }),
    )
  })
})
