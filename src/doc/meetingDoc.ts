/**
 * The meeting document: one Yjs document per meeting, shared by every device that holds one of
 * its keys (see `src/links/capability.ts`). This file is the only place that knows its layout:
 *
 *   meta       Y.Map   schemaVersion: number, title: string, date: 'YYYY-MM-DD', createdAt: ms
 *   ateliers   Y.Map   atelierId → Y.Map { name: string, position: number }
 *   proposals  Y.Map   proposalId → Y.Map { atelierId, text, createdAt: ms, authorRole }
 *
 * Entities live in maps keyed by id (not arrays) so that concurrent creations on several tablets
 * never conflict and an entity can be found without scanning. Order comes from `position` or
 * `createdAt`, with the id as a tie-breaker so every device shows the same order.
 *
 * Components never see Y types: `readMeeting` turns the document into a plain, validated
 * snapshot; mutations below are plain functions running one transaction with a typed origin.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { newId } from './ids'
import { origins, type Origin } from './origins'

/** Bumped when the layout changes; `migrateMeeting` brings older documents up to date. */
export const SCHEMA_VERSION = 1

const ROOT = { meta: 'meta', ateliers: 'ateliers', proposals: 'proposals' } as const

export const TEXT_LIMITS = { title: 200, atelierName: 80, proposal: 2000 } as const

export const authorRoleSchema = z.enum(['coordinator', 'facilitator', 'reporter'])
export type AuthorRole = z.infer<typeof authorRoleSchema>

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const atelierSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(TEXT_LIMITS.atelierName),
  position: z.number(),
})
export type Atelier = z.infer<typeof atelierSchema>

export const proposalSchema = z.object({
  id: z.string().min(1),
  atelierId: z.string().min(1),
  text: z.string().max(TEXT_LIMITS.proposal),
  createdAt: z.number(),
  authorRole: authorRoleSchema,
})
export type Proposal = z.infer<typeof proposalSchema>

export const meetingSchema = z.object({
  schemaVersion: z.number().int(),
  title: z.string().max(TEXT_LIMITS.title),
  date: isoDateSchema.or(z.literal('')),
  ateliers: z.array(atelierSchema),
  proposals: z.array(proposalSchema),
})
/** A plain, immutable view of a meeting document. Shared data: every device sees the same. */
export type Meeting = z.infer<typeof meetingSchema>

const metaOf = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.meta)
const ateliersOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ROOT.ateliers)
const proposalsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ROOT.proposals)

/** True once the document holds a meeting (it may still be loading from disk or the relay). */
export function hasMeeting(doc: Y.Doc): boolean {
  return typeof metaOf(doc).get('schemaVersion') === 'number'
}

/**
 * Reads the whole meeting as plain data. Entries that fail validation (a newer app version, a
 * corrupt peer) are skipped rather than crashing the screen.
 */
export function readMeeting(doc: Y.Doc): Meeting {
  const meta = metaOf(doc)
  const ateliers = entries(ateliersOf(doc), atelierSchema).sort(
    (a, b) => a.position - b.position || compareIds(a.id, b.id),
  )
  const proposals = entries(proposalsOf(doc), proposalSchema).sort(
    (a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id),
  )
  const title = meta.get('title')
  const date = meta.get('date')
  const version = meta.get('schemaVersion')
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    title: typeof title === 'string' ? title : '',
    date: typeof date === 'string' && isoDateSchema.safeParse(date).success ? date : '',
    ateliers,
    proposals,
  }
}

function entries<T>(map: Y.Map<Y.Map<unknown>>, schema: z.ZodType<T>): T[] {
  const out: T[] = []
  map.forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return
    const parsed = schema.safeParse({ ...entry.toJSON(), id })
    if (parsed.success) out.push(parsed.data)
  })
  return out
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function mapOf(values: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(values)) map.set(key, value)
  return map
}

/** Brings a document written by an older version of the app up to `SCHEMA_VERSION`. */
export function migrateMeeting(doc: Y.Doc): void {
  const version = metaOf(doc).get('schemaVersion')
  if (typeof version !== 'number' || version >= SCHEMA_VERSION) return
  // Version 1 is the first layout: nothing to migrate yet. Future steps go here, in order.
  doc.transact(() => metaOf(doc).set('schemaVersion', SCHEMA_VERSION), origins.local)
}

// ── Mutations ────────────────────────────────────────────────────────────────────────────────

export interface NewMeeting {
  title: string
  date: string
  atelierNames: string[]
}

export const newMeetingSchema = z.object({
  title: z.string().trim().min(1).max(TEXT_LIMITS.title),
  date: isoDateSchema,
  atelierNames: z.array(z.string().trim().min(1).max(TEXT_LIMITS.atelierName)).min(1).max(30),
})

/** Fills an empty document with a new meeting. Returns the ids of its ateliers, in order. */
export function createMeeting(doc: Y.Doc, input: NewMeeting, now = Date.now()): string[] {
  const valid = newMeetingSchema.parse(input)
  const ids = valid.atelierNames.map(() => newId())
  doc.transact(() => {
    const meta = metaOf(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', valid.title)
    meta.set('date', valid.date)
    meta.set('createdAt', now)
    valid.atelierNames.forEach((name, index) => {
      ateliersOf(doc).set(ids[index]!, mapOf({ name, position: index }))
    })
  }, origins.local)
  return ids
}

export function addAtelier(doc: Y.Doc, name: string, origin: Origin = origins.local): string {
  const valid = atelierSchema.shape.name.parse(name.trim())
  const id = newId()
  doc.transact(() => {
    const last = readMeeting(doc).ateliers.at(-1)
    ateliersOf(doc).set(id, mapOf({ name: valid, position: (last?.position ?? -1) + 1 }))
  }, origin)
  return id
}

export interface NewProposal {
  atelierId: string
  text: string
  authorRole: AuthorRole
}

/** Adds a proposal to an atelier. Empty text is refused; the atelier must exist. */
export function addProposal(
  doc: Y.Doc,
  input: NewProposal,
  now = Date.now(),
  origin: Origin = origins.local,
): string {
  const text = proposalSchema.shape.text.min(1).parse(input.text.trim())
  if (!ateliersOf(doc).has(input.atelierId)) throw new Error(`unknown atelier ${input.atelierId}`)
  const id = newId()
  doc.transact(() => {
    proposalsOf(doc).set(
      id,
      mapOf({ atelierId: input.atelierId, text, createdAt: now, authorRole: input.authorRole }),
    )
  }, origin)
  return id
}
