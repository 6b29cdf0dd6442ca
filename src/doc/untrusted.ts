/**
 * Reading the shared documents as untrusted input. Whoever holds a write link (a tablet left in a
 * room, a buggy older version of the app, a hand-over file) can put any value under any key of
 * any root: values the UI never writes, maps nested thousands deep, ids named like the built-ins
 * of JavaScript objects, numbers no clock or count can reach. Every reader of `src/doc` goes
 * through these helpers, so that:
 *
 * - work is bounded: an entity is read field by field, only the fields its schema names, and a
 *   Yjs type where a plain value belongs is refused without being walked (`Y.Map.toJSON` on a map
 *   nested 8,000 deep overflows the stack: every screen went white, for good);
 * - ids are plain (`[A-Za-z0-9_-]`), never a property of `Object.prototype` (`__proto__`,
 *   `constructor`, `toString`…), and records keyed by id have no prototype: one attendance key
 *   `__proto__|agent|1` once set `Object.prototype.agent` on every device;
 * - numbers are in range: timestamps between 1970 and 2200 (one of 8.64e15 + 1 made every CSV
 *   export throw), dates real calendar days, positions and durations finite and bounded;
 * - an invalid entity is skipped and counted (`skippedIn`), never fatal, never hiding valid ones.
 */
import * as Y from 'yjs'
import { z } from 'zod'

// ── Ids ─────────────────────────────────────────────────────────────────────────────────────

/** Longer than any id the app makes (12 random characters; 32 hex for a meeting). */
export const ID_MAX = 64
const ENTITY_ID = /^[A-Za-z0-9_-]+$/
/** Keys of the committee document join ids with "." or ":" (an idea sent from a meeting). */
const COMPOUND_ID = /^[A-Za-z0-9_-]+(?:[.:][A-Za-z0-9_-]+)*$/
const COMPOUND_MAX = 3 * ID_MAX

/** A name that reads something else than an own property on a plain object. */
function isPrototypeName(value: string): boolean {
  return value in Object.prototype || value === 'prototype'
}

/** An id of an entity in a meeting: `[A-Za-z0-9_-]`, at most `ID_MAX`, no built-in name. */
export function isEntityId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= ID_MAX &&
    ENTITY_ID.test(value) &&
    !isPrototypeName(value)
  )
}

/** An id made of entity ids joined by "." or ":" (committee document). */
export function isCompoundId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= COMPOUND_MAX &&
    COMPOUND_ID.test(value) &&
    value.split(/[.:]/).every((part) => !isPrototypeName(part))
  )
}

export const entityIdSchema = z.string().refine(isEntityId, 'invalid id')
export const compoundIdSchema = z.string().refine(isCompoundId, 'invalid id')

/** An empty record keyed by id that inherits nothing: `record[id]` is only what was put there. */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

// ── Numbers ─────────────────────────────────────────────────────────────────────────────────

/** 1 January 2200: no device clock of the evening is past it. */
export const TIME_MAX = Date.UTC(2200, 0, 1)
/** A moment (ms since 1970) a `Date` can show and a CSV can write. */
export const timestampSchema = z.number().min(0).max(TIME_MAX)
/** A list position: finite, and far from where halving between neighbours loses precision. */
export const positionSchema = z.number().min(-1e15).max(1e15)
/** A duration in ms: 0 to 30 days (a step timer left running over a weekend still reads). */
export const durationMsSchema = z
  .number()
  .min(0)
  .max(30 * 24 * 3_600_000)

/** "YYYY-MM-DD", a real day between 1900 and 2199 (`9999-99-99` showed "Invalid Date"). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isRealDate, 'invalid date')

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  if (year < 1900 || year > 2199) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

// ── Entities ────────────────────────────────────────────────────────────────────────────────

/** Stands for a Yjs type found where a plain value belongs: every schema refuses it. */
const NOT_PLAIN = Symbol('not a plain value')

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Y.AbstractType)
  )
}

/**
 * The named fields of an entity stored as a Y.Map or as a plain object, and nothing else: no
 * walk into nested values, no inherited property. `null` when it is neither.
 */
export function fieldsOf(value: unknown, keys: readonly string[]): Record<string, unknown> | null {
  const out = idRecord<unknown>()
  if (value instanceof Y.Map) {
    for (const key of keys) {
      const field: unknown = value.get(key)
      out[key] = field instanceof Y.AbstractType ? NOT_PLAIN : field
    }
    return out
  }
  if (!isPlainObject(value)) return null
  for (const key of keys) out[key] = Object.hasOwn(value, key) ? value[key] : undefined
  return out
}

/** An entity read through `schema` (whose keys are the fields read), or `null` if invalid. */
export function readEntity<S extends z.ZodObject>(
  schema: S,
  value: unknown,
  extra: Record<string, unknown> = {},
): z.infer<S> | null {
  const fields = fieldsOf(value, Object.keys(schema.shape))
  if (fields === null) return null
  const parsed = schema.safeParse(Object.assign(fields, extra))
  return parsed.success ? parsed.data : null
}

// ── Skipped entries ─────────────────────────────────────────────────────────────────────────

const skipped = new WeakMap<Y.AbstractType<any>, number>()

/** Records how many entries of a root the last read of it skipped. */
export function noteSkipped(root: Y.AbstractType<any>, count: number): void {
  if (count === 0) skipped.delete(root)
  else skipped.set(root, count)
}

/** How many entries of the document the readers skipped as invalid, at their last read. */
export function skippedIn(doc: Y.Doc): number {
  let total = 0
  for (const root of doc.share.values()) total += skipped.get(root) ?? 0
  return total
}
