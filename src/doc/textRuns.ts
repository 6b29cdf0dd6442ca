/**
 * A note as its text field sees it: the string of its characters. A shared Y.Text may hold more
 * than characters: anyone with a write link can insert embeds (objects, nested types, even a
 * string embed that reads like text in a Yjs delta) or formatting, which Tandem never writes and
 * a textarea cannot show. The field shows the characters only, and every position here is a
 * position in that string: Yjs events are read item by item into changes of the string
 * (`stringChange`), and the field's edits go back to Yjs indices around what it does not show
 * (`yjsInsertIndex`, `yjsRanges`), so a keystroke never lands beside the wrong character nor
 * deletes an embed it never showed.
 *
 * The changes are runs of lengths (kept, inserted, deleted), so a change made here and one read
 * from Yjs are the same kind of thing: `shiftCaret` moves a caret through them, `rebaseChange`
 * moves a keystroke typed on an older string onto the shared one.
 */
import * as Y from 'yjs'

/** One edit of a text field: replace `deleteCount` characters at `index` by `insert`. */
export interface TextChange {
  index: number
  deleteCount: number
  insert: string
}

export interface Run {
  op: 'retain' | 'insert' | 'delete'
  length: number
}

/** A change of a string: what it kept, inserted and deleted, from its start (what is left is kept). */
export type TextDelta = readonly Run[]

/** Builds a delta run by run, merging neighbours of one kind and leaving out what is kept at its end. */
function runs() {
  const out: Run[] = []
  return {
    push(op: Run['op'], length: number) {
      if (length <= 0) return
      const last = out.at(-1)
      if (last?.op === op) last.length += length
      else out.push({ op, length })
    },
    done(): TextDelta {
      while (out.at(-1)?.op === 'retain') out.pop()
      return out
    },
  }
}

/** The note's items in order: Yjs keeps them in a linked list from the type's first item. */
function* itemsOf(text: Y.Text): Generator<Y.Item> {
  for (let item = text._start; item !== null; item = item.right) yield item
}

const isCharacters = (item: Y.Item) => item.content instanceof Y.ContentString

/**
 * What `event` did to the note's string (embeds and formatting left out). Read from the items
 * rather than `event.delta`, where an embed holding a string looks like that many characters.
 */
export function stringChange(event: Y.YTextEvent): TextDelta {
  const delta = runs()
  for (const item of itemsOf(event.target)) {
    if (!isCharacters(item)) continue
    // Only an item deleted by now can be one this change deleted.
    if (!item.deleted) delta.push(event.adds(item) ? 'insert' : 'retain', item.length)
    else if (!event.adds(item) && event.deletes(item)) delta.push('delete', item.length)
  }
  return delta.done()
}

/**
 * The Yjs index at which text typed at `index` of the note's string goes: right after the
 * character before it (before an embed that follows that character), at 0 for the start.
 */
export function yjsInsertIndex(text: Y.Text, index: number): number {
  if (index <= 0) return 0
  let characters = 0
  let position = 0
  for (const item of itemsOf(text)) {
    if (item.deleted || !item.countable) continue
    if (isCharacters(item)) {
      if (characters + item.length >= index) return position + index - characters
      characters += item.length
    }
    position += item.length
  }
  return position
}

/** The Yjs ranges holding characters `from` to `to` of the note's string, in order. */
export function yjsRanges(text: Y.Text, from: number, to: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let characters = 0
  let position = 0
  for (const item of itemsOf(text)) {
    if (characters >= to) break
    if (item.deleted || !item.countable) continue
    if (isCharacters(item)) {
      const start = Math.max(from, characters)
      const end = Math.min(to, characters + item.length)
      if (start < end) {
        const index = position + start - characters
        const last = ranges.at(-1)
        if (last && last[0] + last[1] === index) last[1] += end - start
        else ranges.push([index, end - start])
      }
      characters += item.length
    }
    position += item.length
  }
  return ranges
}

/**
 * Where a caret at `index` goes when someone else's change `delta` applies: it moves with what
 * is inserted or deleted before it, and stays put when text is inserted exactly at it. So the
 * caret stays right after this device's own last character: two people typing at one spot each
 * go on after their own words instead of interleaving.
 */
export function shiftCaret(index: number, delta: TextDelta): number {
  return shiftIndex(index, delta, false)
}

/**
 * A selection moved through `delta`: a caret as `shiftCaret`; a range keeps what it held, and
 * text inserted at either edge stays outside it (an input method committing over its composed
 * text must not take others' words with it).
 */
export function shiftSelection([start, end]: [number, number], delta: TextDelta): [number, number] {
  if (start === end) return [shiftCaret(start, delta), shiftCaret(end, delta)]
  return [shiftIndex(start, delta, true), shiftCaret(end, delta)]
}

/** `index` moved through `delta`; `pushed`: text inserted exactly at it goes before it. */
function shiftIndex(index: number, delta: TextDelta, pushed: boolean): number {
  let before = 0 // where the walk is, in the text before the change
  let shifted = index
  for (const { op, length } of delta) {
    if (before > index || (before === index && !(pushed && op === 'insert'))) break
    if (op === 'retain') before += length
    else if (op === 'delete') {
      shifted -= Math.min(length, index - before)
      before += length
    } else shifted += length
  }
  return shifted
}

/**
 * `change` was typed in a field showing `shownLength` characters, but the shared text has since
 * moved on by `deltas` (others' changes the field has not shown yet). Gives the same edit on the
 * shared text, in order: it deletes only characters that were shown and are still there — never
 * text this device has not shown — and inserts right after the shown character before it.
 * `rest` is what the shared text then holds that the field (showing the typed change) does not
 * show yet: the others' changes, seen from the field's new text.
 */
export function rebaseChange(
  change: TextChange,
  shownLength: number,
  deltas: readonly TextDelta[],
): { edits: TextChange[]; rest: TextDelta } {
  if (deltas.length === 0)
    return { edits: change.deleteCount || change.insert ? [change] : [], rest: [] }
  // For each character of the shared text, its index in the shown text, or -1 if it came since.
  let shown = Array.from({ length: shownLength }, (_, index) => index)
  for (const delta of deltas) {
    const next: number[] = []
    let at = 0
    for (const { op, length } of delta) {
      if (op === 'retain') for (const end = at + length; at < end; at++) next.push(shown[at]!)
      else if (op === 'delete') at += length
      else for (let count = length; count > 0; count--) next.push(-1)
    }
    for (; at < shown.length; at++) next.push(shown[at]!)
    shown = next
  }
  const deleteEnd = change.index + change.deleteCount
  const deleted = (origin: number) => origin >= change.index && origin < deleteEnd
  let insertAt = 0
  const deletions: TextChange[] = []
  shown.forEach((origin, index) => {
    if (origin >= 0 && origin < change.index) insertAt = index + 1
    else if (deleted(origin)) {
      const last = deletions.at(-1)
      if (last && last.index + last.deleteCount === index) last.deleteCount++
      else deletions.push({ index, deleteCount: 1, insert: '' })
    }
  })
  // The last deletion first, so each index still holds; all of them lie after `insertAt`.
  const edits = deletions.reverse()
  if (change.insert) edits.push({ index: insertAt, deleteCount: 0, insert: change.insert })

  // The shared text after the edits, walked against the field's text after the change.
  const shift = change.insert.length - change.deleteCount
  const rest = runs()
  let expected = 0 // the next character of the field's text
  const reach = (fieldIndex: number) => {
    rest.push('delete', fieldIndex - expected) // shown, since deleted by others
    rest.push('retain', 1)
    expected = fieldIndex + 1
  }
  const typed = () => {
    for (let offset = 0; offset < change.insert.length; offset++) reach(change.index + offset)
  }
  shown.forEach((origin, index) => {
    if (index === insertAt) typed()
    if (origin < 0) rest.push('insert', 1)
    else if (!deleted(origin)) reach(origin < change.index ? origin : origin + shift)
  })
  if (insertAt === shown.length) typed()
  rest.push('delete', shownLength + shift - expected)
  return { edits, rest: rest.done() }
}
