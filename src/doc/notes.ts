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
    if (!(text instanceof Y.Text) || !isNoteKey(key)) skipped += 1
    else if (text.length <= NOTE_READ_MAX) out[key] = text.toString()
    else out[key] = `${text.toString().slice(0, NOTE_READ_MAX)}…`
  })
  noteSkipped(notesOf(doc), skipped)
  return out
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

/** Applies one edit to a note, as this device's own (undoable) change. */
export function editNote(doc: Y.Doc, key: string, change: TextChange): void {
  const text = noteText(doc, key)
  if (!text) throw new Error(`unknown note ${key}`)
  if (text.length - change.deleteCount + change.insert.length > NOTE_MAX) return
  doc.transact(() => {
    if (change.deleteCount > 0) text.delete(change.index, change.deleteCount)
    if (change.insert) text.insert(change.index, change.insert)
  }, origins.local)
}
