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
import { type TextChange, yjsInsertIndex, yjsRanges } from './textRuns'
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
 * is on the text the previous one left (as `rebaseChange` gives them), at positions of the
 * note's string: what the string leaves out (a hostile embed) is neither deleted nor typed
 * into. Says whether it applied them (not past `NOTE_MAX`).
 */
export function editNote(doc: Y.Doc, key: string, ...changes: TextChange[]): boolean {
  const text = noteText(doc, key)
  if (!text) throw new Error(`unknown note ${key}`)
  const grows = changes.reduce((sum, change) => sum + change.insert.length - change.deleteCount, 0)
  if (text.length + grows > NOTE_MAX) return false
  doc.transact(() => {
    for (const change of changes) {
      const ranges = yjsRanges(text, change.index, change.index + change.deleteCount)
      for (const [index, length] of ranges.reverse()) text.delete(index, length)
      if (change.insert) text.insert(yjsInsertIndex(text, change.index), change.insert)
    }
  }, origins.local)
  return true
}
