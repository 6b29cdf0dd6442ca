/**
 * The rapporteur's notes: one collaborative text per atelier, step and question. Both tablets
 * of a binôme can type in the same note at once; Yjs keeps every character of both.
 *
 * The texts are created with the atelier (or the step), never on first keystroke: two tablets
 * creating the same note offline would each make their own Y.Text and one would be lost.
 */
import * as Y from 'yjs'
import { notesOf } from './layout'
import { origins } from './origins'
import type { Step } from './script'
import { idRecord, isEntityId, noteSkipped } from './untrusted'

export const NOTE_MAX = 20_000
/**
 * What a reader takes of one note: two tablets typing at once may pass `NOTE_MAX` a little, a
 * raw write may pass it by megabytes (2.4 MB of notes hung print-to-PDF for minutes).
 */
export const NOTE_READ_MAX = 2 * NOTE_MAX

export function noteKey(atelierId: string, stepId: string, questionId: string): string {
  return `${atelierId}|${stepId}|${questionId}`
}

/** Creates the missing notes of these ateliers for these steps; call inside a transaction. */
export function ensureNotes(doc: Y.Doc, atelierIds: string[], steps: Step[]): void {
  const notes = notesOf(doc)
  for (const atelierId of atelierIds)
    for (const step of steps)
      for (const question of step.questions) {
        const key = noteKey(atelierId, step.id, question.id)
        if (!notes.has(key)) notes.set(key, new Y.Text())
      }
}

/** A note key: two or three ids joined by "|" ("debate|<itemId>" has the word as first id). */
function isNoteKey(key: string): boolean {
  const parts = key.split('|')
  return (parts.length === 2 || parts.length === 3) && parts.every(isEntityId)
}

/** Every note as plain text (at most `NOTE_READ_MAX` characters, then "…"), by key. */
export function readNotes(doc: Y.Doc): Record<string, string> {
  const out = idRecord<string>()
  let skipped = 0
  notesOf(doc).forEach((text, key) => {
    const note = noteAt(text, key)
    if (note === null) skipped += 1
    else out[key] = note
  })
  noteSkipped(notesOf(doc), skipped)
  return out
}

/** One note's text as read, or `null` when the entry is not a note. */
function noteAt(text: unknown, key: string): string | null {
  if (!(text instanceof Y.Text) || !isNoteKey(key)) return null
  if (text.length <= NOTE_READ_MAX) return text.toString()
  return `${text.toString().slice(0, NOTE_READ_MAX)}…`
}

const followed = new WeakMap<Y.Doc, () => Record<string, string>>()

/**
 * `readNotes` for a document that stays open: the same result, but after a change only the
 * notes it touched are read again (a keystroke re-reads one note, not the evening's hundred).
 * Each call gives a new record if a note changed since the last one, else the same record.
 *
 * @example
 *   const notes = followedNotes(doc)
 *   notes() // every note; after a keystroke in one, that one read again
 */
export function followedNotes(doc: Y.Doc): () => Record<string, string> {
  const known = followed.get(doc)
  if (known) return known
  let current: Record<string, string> | null = null
  const invalid = new Set<string>()
  const changed = new Set<string>()
  const root = notesOf(doc)
  root.observeDeep((events) => {
    for (const event of events)
      if (event.target === root)
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) changed.add(key)
      else changed.add(String(event.path[0]))
  })
  const read = () => {
    if (current === null) {
      current = readNotes(doc)
      root.forEach((_, key) => {
        if (!Object.hasOwn(current!, key)) invalid.add(key)
      })
    } else if (changed.size > 0) {
      const next = Object.assign(idRecord<string>(), current)
      for (const key of changed) {
        delete next[key]
        invalid.delete(key)
        if (!root.has(key)) continue
        const note = noteAt(root.get(key), key)
        if (note === null) invalid.add(key)
        else next[key] = note
      }
      current = next
      noteSkipped(root, invalid.size)
    }
    changed.clear()
    return current
  }
  followed.set(doc, read)
  return read
}

/** One edit of a text field: replace `deleteCount` characters at `index` by `insert`. */
export interface TextChange {
  index: number
  deleteCount: number
  insert: string
}

/**
 * The smallest single change turning `before` into `after` (common prefix and suffix kept), so
 * a keystroke becomes a one-character insert that merges with the other tablet's typing.
 */
export function diffText(before: string, after: string): TextChange {
  let start = 0
  const maxStart = Math.min(before.length, after.length)
  while (start < maxStart && before[start] === after[start]) start++
  let end = 0
  const maxEnd = Math.min(before.length, after.length) - start
  while (end < maxEnd && before[before.length - 1 - end] === after[after.length - 1 - end]) end++
  return {
    index: start,
    deleteCount: before.length - start - end,
    insert: after.slice(start, after.length - end),
  }
}

export function noteText(doc: Y.Doc, key: string): Y.Text | undefined {
  const text = notesOf(doc).get(key)
  return text instanceof Y.Text ? text : undefined
}

/**
 * Applies edits to a note in one transaction, as this device's own (undoable) change. Each edit
 * is on the text the previous one left (as `rebaseChange` gives them).
 */
export function editNote(doc: Y.Doc, key: string, ...changes: TextChange[]): void {
  const text = noteText(doc, key)
  if (!text) throw new Error(`unknown note ${key}`)
  const grows = changes.reduce((sum, change) => sum + change.insert.length - change.deleteCount, 0)
  if (text.length + grows > NOTE_MAX) return
  doc.transact(() => {
    for (const change of changes) {
      if (change.deleteCount > 0) text.delete(change.index, change.deleteCount)
      if (change.insert) text.insert(change.index, change.insert)
    }
  }, origins.local)
}

/** A Yjs text event's `delta`: what a change kept, inserted and deleted, from the start. */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>

/** Embeds (never written by Tandem, possible in a hostile document) count one, as in Yjs. */
const insertLength = (insert: unknown) => (typeof insert === 'string' ? insert.length : 1)

/**
 * Where a caret at `index` goes when someone else's change `delta` applies: it moves with what
 * is inserted or deleted before it, and stays put when text is inserted exactly at it. So the
 * caret stays right after this device's own last character: two people typing at one spot each
 * go on after their own words instead of interleaving.
 */
export function shiftCaret(index: number, delta: TextDelta): number {
  let before = 0 // where the walk is, in the text before the change
  let shifted = index
  for (const op of delta) {
    if (before >= index) break
    if (op.retain !== undefined) before += op.retain
    else if (op.delete !== undefined) {
      shifted -= Math.min(op.delete, index - before)
      before += op.delete
    } else shifted += insertLength(op.insert)
  }
  return shifted
}

/**
 * `change` was typed in a field showing `shownLength` characters, but the shared text has since
 * moved on by `deltas` (others' changes the field has not shown yet). Gives the same edit on the
 * shared text, in order: it deletes only characters that were shown and are still there — never
 * text this device has not shown — and inserts right after the shown character before it.
 * `at` is where the change now starts in the shared text.
 */
export function rebaseChange(
  change: TextChange,
  shownLength: number,
  deltas: readonly TextDelta[],
): { edits: TextChange[]; at: number } {
  // For each character of the shared text, its index in the shown text, or -1 if it came since.
  let shown = Array.from({ length: shownLength }, (_, index) => index)
  for (const delta of deltas) {
    const next: number[] = []
    let at = 0
    for (const op of delta) {
      if (op.retain !== undefined)
        for (const end = at + op.retain; at < end; at++) next.push(shown[at]!)
      else if (op.delete !== undefined) at += op.delete
      else for (let count = insertLength(op.insert); count > 0; count--) next.push(-1)
    }
    for (; at < shown.length; at++) next.push(shown[at]!)
    shown = next
  }
  const deleteEnd = change.index + change.deleteCount
  let insertAt = 0
  const deletions: TextChange[] = []
  shown.forEach((origin, index) => {
    if (origin >= 0 && origin < change.index) insertAt = index + 1
    else if (origin >= change.index && origin < deleteEnd) {
      const last = deletions.at(-1)
      if (last && last.index + last.deleteCount === index) last.deleteCount++
      else deletions.push({ index, deleteCount: 1, insert: '' })
    }
  })
  // The last deletion first, so each index still holds; all of them lie after `insertAt`.
  const edits = deletions.reverse()
  if (change.insert) edits.push({ index: insertAt, deleteCount: 0, insert: change.insert })
  return { edits, at: insertAt }
}
