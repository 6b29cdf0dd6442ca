/**
 * The sieve (Angers): each item is asked the criteria's questions, answered "oui", "non" or
 * "à voir", each answer with a short justification. Each answer and each justification has its
 * own key per item and criterion, so an answer and a note written at once both hold.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { checkKeyParts, ideaSieveNotesOf, ideaSieveOf } from './committeeLayout'
import { origins } from './origins'
import { idRecord, isCompoundId, isEntityId, noteSkipped } from './untrusted'

export const NOTE_MAX = 280

export const SIEVE_ANSWERS = ['yes', 'no', 'maybe'] as const
export type SieveAnswer = (typeof SIEVE_ANSWERS)[number]
export const answerSchema = z.enum(SIEVE_ANSWERS)
/** pass: "oui" to every criterion; fail: at least one "non"; pending: otherwise. */
export type SieveStatus = 'pass' | 'fail' | 'pending'

/** The answers and the justifications given, per item: itemId → criterionId → value. */
export function readSieve(doc: Y.Doc): {
  answers: Map<string, Record<string, SieveAnswer>>
  notes: Map<string, Record<string, string>>
} {
  // In records without prototype.
  const perCriterion = <T>(map: Y.Map<unknown>, read: (value: unknown) => T | null) => {
    const out = new Map<string, Record<string, T>>()
    let skipped = 0
    map.forEach((value, key) => {
      const [itemId, criterionId, ...rest] = key.split('|')
      const parsed = read(value)
      if (parsed === null || !isCompoundId(itemId) || !isEntityId(criterionId) || rest.length > 0) {
        if (value !== null) skipped += 1
        return
      }
      const record = out.get(itemId) ?? idRecord<T>()
      record[criterionId] = parsed
      out.set(itemId, record)
    })
    noteSkipped(map, skipped)
    return out
  }
  return {
    answers: perCriterion(ideaSieveOf(doc), (value) => {
      const parsed = answerSchema.safeParse(value)
      return parsed.success ? parsed.data : null
    }),
    notes: perCriterion(ideaSieveNotesOf(doc), (value) =>
      typeof value === 'string' && value ? value.slice(0, NOTE_MAX) : null,
    ),
  }
}

/** An item's status against the live criteria, from its answers. */
export function sieveStatus(
  criteria: ReadonlyArray<{ id: string }>,
  given: Record<string, SieveAnswer>,
): SieveStatus {
  const relevant = criteria.map((criterion) => given[criterion.id])
  if (relevant.includes('no')) return 'fail'
  return relevant.every((answer) => answer === 'yes') ? 'pass' : 'pending'
}

/** "oui", "non" or "à voir" for one criterion; `null` takes the answer back. */
export function answerCriterion(
  doc: Y.Doc,
  itemId: string,
  criterionId: string,
  answer: SieveAnswer | null,
): void {
  checkKeyParts(itemId, criterionId)
  const valid = answer === null ? null : answerSchema.parse(answer)
  doc.transact(() => ideaSieveOf(doc).set(`${itemId}|${criterionId}`, valid), origins.local)
}

/** The short justification of an answer (its own key: an answer and a note at once both hold). */
export function setSieveNote(doc: Y.Doc, itemId: string, criterionId: string, note: string): void {
  checkKeyParts(itemId, criterionId)
  const valid = z.string().trim().max(NOTE_MAX).parse(note)
  doc.transact(() => ideaSieveNotesOf(doc).set(`${itemId}|${criterionId}`, valid), origins.local)
}
