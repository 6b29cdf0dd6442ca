/**
 * The idea bank's axes of work and the criteria of its sieve (both "named": a name, a position,
 * a question for criteria), and sorting items into axes. The eight Angers axes and three Angers
 * criteria are defaults with fixed ids, present in every bank without being written: two
 * devices opening a new bank never create them twice; editing one writes only the field changed.
 * Each field has its own key ("<id>|<field>"), so a rename and a move at once both hold.
 *
 * Axis membership is one value per item: every idea is in exactly one axis, or none yet
 * ("à classer"), whatever two devices did at once. An axis that is removed sends its ideas back
 * to "à classer" without touching them: restoring it brings them back.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { ideaAxesOf, ideaAxisOfMap, ideaCriteriaOf, isKeyPart } from './committeeLayout'
import { newId } from './ids'
import { compareIds, positionAfterMove } from './layout'
import { origins } from './origins'
import {
  entityIdSchema,
  idRecord,
  isEntityId,
  noteSkipped,
  positionSchema,
  readEntity,
  timestampSchema,
} from './untrusted'

export const NAME_MAX = 120
export const QUESTION_MAX = 200

const namedSchema = z.object({
  id: entityIdSchema,
  name: z.string().trim().min(1).max(NAME_MAX),
  question: z.string().max(QUESTION_MAX).default(''),
  position: positionSchema,
  removedAt: timestampSchema.nullable().default(null),
  builtIn: z.boolean(),
})
/** An axis of work, or a criterion of the sieve (with its question). */
export type Named = z.infer<typeof namedSchema>
export type Axis = Named
export type Criterion = Named

// ── Defaults (Angers) ───────────────────────────────────────────────────────────────────────

type NamedDefault = { id: string; name: string; question?: string }

/** The eight axes of work of Angers (2002), editable. */
export const DEFAULT_AXES: readonly NamedDefault[] = [
  'Améliorer l’information des usagers',
  'Améliorer les prestations et les services offerts',
  'Explorer les possibilités de travail pour tous',
  'Retrouver la fierté de vivre dans son quartier',
  'Une enfance et une jeunesse citoyennes demain',
  'Lutter contre l’isolement et renforcer les solidarités',
  'Aider à prendre soin de soi',
  'Favoriser l’engagement',
].map((name, index) => ({ id: `angers-axe-${index + 1}`, name }))

/** The three criteria of the Angers sieve, editable. */
export const DEFAULT_CRITERIA: readonly NamedDefault[] = [
  {
    id: 'angers-competence',
    name: 'La compétence communale',
    question: 'Est-ce du ressort de la commune ou du CCAS\u00a0?',
  },
  {
    id: 'angers-citoyennete',
    name: 'La mobilisation de la citoyenneté',
    question: 'Des usagers et des habitants peuvent-ils s’y engager\u00a0?',
  },
  {
    id: 'angers-moyens',
    name: 'La mobilisation des moyens',
    question: 'Les moyens humains, matériels et financiers peuvent-ils être réunis\u00a0?',
  },
]

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

/** The fields an axis or a criterion keeps, each under "<id>|<field>". */
const NAMED_FIELDS = ['name', 'question', 'position', 'removedAt']

function readNamed(map: Y.Map<unknown>, defaults: readonly NamedDefault[]): Named[] {
  const fields = new Map<string, Record<string, unknown>>()
  defaults.forEach((entry, position) =>
    fields.set(entry.id, { name: entry.name, question: entry.question ?? '', position }),
  )
  let skipped = 0
  map.forEach((value, key) => {
    const cut = key.lastIndexOf('|')
    const id = key.slice(0, Math.max(0, cut))
    const field = key.slice(cut + 1)
    if (!isEntityId(id) || !NAMED_FIELDS.includes(field)) {
      skipped += 1
      return
    }
    const values = fields.get(id) ?? idRecord<unknown>()
    values[field] = value
    fields.set(id, values)
  })
  const builtIn = new Set(defaults.map((entry) => entry.id))
  const out: Named[] = []
  for (const [id, values] of fields) {
    const parsed = readEntity(namedSchema, values, { id, builtIn: builtIn.has(id) })
    if (parsed === null) skipped += 1
    else out.push(parsed)
  }
  noteSkipped(map, skipped)
  return out.sort((a, b) => a.position - b.position || compareIds(a.id, b.id))
}

export function readAxes(doc: Y.Doc): Named[] {
  return readNamed(ideaAxesOf(doc), DEFAULT_AXES)
}

export function readCriteria(doc: Y.Doc): Named[] {
  return readNamed(ideaCriteriaOf(doc), DEFAULT_CRITERIA)
}

// ── Editing ─────────────────────────────────────────────────────────────────────────────────

export type NamedKind = 'axes' | 'criteria'
const namedMap = (doc: Y.Doc, kind: NamedKind) =>
  kind === 'axes' ? ideaAxesOf(doc) : ideaCriteriaOf(doc)
const readNamedKind = (doc: Y.Doc, kind: NamedKind) =>
  kind === 'axes' ? readAxes(doc) : readCriteria(doc)
const nameSchema = z.string().trim().min(1).max(NAME_MAX)

/** Refuses an axis that does not exist or was removed. */
export function checkAxis(doc: Y.Doc, axisId: string) {
  if (!readAxes(doc).some((axis) => axis.id === axisId && axis.removedAt === null))
    throw new Error(`unknown axis ${axisId}`)
}

function existing(doc: Y.Doc, kind: NamedKind, id: string): Named {
  const found = readNamedKind(doc, kind).find((entry) => entry.id === id)
  if (!found) throw new Error(`unknown ${kind} ${id}`)
  return found
}

/** A new axis or criterion, after the last one; returns its id. */
export function addNamed(doc: Y.Doc, kind: NamedKind, name: string, question = ''): string {
  const valid = nameSchema.parse(name)
  const validQuestion = z.string().trim().max(QUESTION_MAX).parse(question)
  const id = newId()
  doc.transact(() => {
    const last = readNamedKind(doc, kind).at(-1)
    const map = namedMap(doc, kind)
    map.set(`${id}|name`, valid)
    map.set(`${id}|position`, (last?.position ?? -1) + 1)
    if (validQuestion) map.set(`${id}|question`, validQuestion)
  }, origins.local)
  return id
}

export function renameNamed(doc: Y.Doc, kind: NamedKind, id: string, name: string): void {
  const valid = nameSchema.parse(name)
  existing(doc, kind, id)
  doc.transact(() => namedMap(doc, kind).set(`${id}|name`, valid), origins.local)
}

export function setQuestion(doc: Y.Doc, criterionId: string, question: string): void {
  const valid = z.string().trim().max(QUESTION_MAX).parse(question)
  existing(doc, 'criteria', criterionId)
  doc.transact(() => ideaCriteriaOf(doc).set(`${criterionId}|question`, valid), origins.local)
}

/** One place up (−1) or down (+1) among the live ones. */
export function moveNamed(doc: Y.Doc, kind: NamedKind, id: string, direction: -1 | 1): void {
  const live = readNamedKind(doc, kind).filter((entry) => entry.removedAt === null)
  const position = positionAfterMove(
    live,
    live.findIndex((entry) => entry.id === id),
    direction,
  )
  if (position === null) return
  doc.transact(() => namedMap(doc, kind).set(`${id}|position`, position), origins.local)
}

/**
 * Removes an axis (its ideas go back to "à classer", untouched) or a criterion (no longer
 * asked; its answers are kept). Restorable.
 */
export function removeNamed(doc: Y.Doc, kind: NamedKind, id: string, now = Date.now()): void {
  existing(doc, kind, id)
  doc.transact(() => namedMap(doc, kind).set(`${id}|removedAt`, now), origins.local)
}

export function restoreNamed(doc: Y.Doc, kind: NamedKind, id: string): void {
  existing(doc, kind, id)
  doc.transact(() => namedMap(doc, kind).set(`${id}|removedAt`, null), origins.local)
}

// ── Sorting into axes ───────────────────────────────────────────────────────────────────────

/** Files items (ideas or groups) into one axis, or back to "à classer" (`null`): one value each. */
export function classify(doc: Y.Doc, itemIds: readonly string[], axisId: string | null): void {
  if (axisId !== null) checkAxis(doc, axisId)
  doc.transact(() => {
    for (const id of itemIds) if (isKeyPart(id)) ideaAxisOfMap(doc).set(id, axisId)
  }, origins.local)
}
