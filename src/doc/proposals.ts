/**
 * Proposals: what a group brings out. Shared data. Each has its text, the step it came from (if
 * any), its place in the atelier's list, and the mark "validée par le groupe" — the 2 or 3 the
 * group carries to the plenary. Deleting moves a proposal to the bin (`deletedAt`), from which it
 * can be restored: nothing typed is ever silently lost.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { newId } from './ids'
import {
  ateliersOf,
  byPosition,
  mapOf,
  positionAfterMove,
  proposalsOf,
  validEntries,
} from './layout'
import { origins, type Origin } from './origins'
import { createDebateNote } from './plenary'
import { entityIdSchema, positionSchema, timestampSchema } from './untrusted'

export const PROPOSAL_MAX = 2000

export const authorRoleSchema = z.enum(['coordinator', 'facilitator', 'reporter'])
export type AuthorRole = z.infer<typeof authorRoleSchema>

export const proposalSchema = z.object({
  id: entityIdSchema,
  atelierId: entityIdSchema,
  text: z.string().max(PROPOSAL_MAX),
  createdAt: timestampSchema,
  /** Last change of text or validation (ms): compared with the atelier's transmission. */
  updatedAt: timestampSchema,
  authorRole: authorRoleSchema,
  position: positionSchema,
  stepId: entityIdSchema.nullable().default(null),
  validated: z.boolean().default(false),
  deletedAt: timestampSchema.nullable().default(null),
})

/** As stored: proposals written before `updatedAt` existed count their creation as last change. */
const storedProposalSchema = proposalSchema.extend({ updatedAt: timestampSchema.optional() })
export type Proposal = z.infer<typeof proposalSchema>

/** All proposals, bin included, in list order. */
export function readProposals(doc: Y.Doc): Proposal[] {
  return validEntries(proposalsOf(doc), storedProposalSchema)
    .map((p) => ({ ...p, updatedAt: p.updatedAt ?? p.createdAt }))
    .sort(byPosition)
}

const textSchema = z.string().trim().min(1).max(PROPOSAL_MAX)

export interface NewProposal {
  atelierId: string
  text: string
  authorRole: AuthorRole
  stepId?: string | null
  /**
   * Create its debate note now (the default). A tablet writing through an atelier link leaves
   * it out: the plenary's notes are the coordinator's, whose device creates it when opened
   * (`openDebateNote`), and the relay would refuse the whole proposal with it.
   */
  debateNote?: boolean
}

/** Adds a proposal at the end of its atelier's list. Empty text is refused. */
export function addProposal(
  doc: Y.Doc,
  input: NewProposal,
  now = Date.now(),
  origin: Origin = origins.local,
): string {
  const text = textSchema.parse(input.text)
  if (!ateliersOf(doc).has(input.atelierId)) throw new Error(`unknown atelier ${input.atelierId}`)
  const id = newId()
  doc.transact(() => {
    const last = readProposals(doc)
      .filter((p) => p.atelierId === input.atelierId)
      .at(-1)
    proposalsOf(doc).set(
      id,
      mapOf({
        atelierId: input.atelierId,
        text,
        createdAt: now,
        updatedAt: now,
        authorRole: input.authorRole,
        position: Math.max(last?.position ?? 0, now) + 1,
        stepId: input.stepId ?? null,
        validated: false,
        deletedAt: null,
      }),
    )
    // Its debate note for the plenary, made now by the one device that knows this new id.
    if (input.debateNote !== false) createDebateNote(doc, id)
  }, origin)
  return id
}

function proposalMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = proposalsOf(doc).get(id)
  if (!(map instanceof Y.Map)) throw new Error(`unknown proposal ${id}`)
  return map
}

function change(doc: Y.Doc, id: string, fields: Record<string, unknown>, now?: number): void {
  doc.transact(() => {
    const map = proposalMap(doc, id)
    for (const [key, value] of Object.entries(fields)) map.set(key, value)
    if (now !== undefined) map.set('updatedAt', now)
  }, origins.local)
}

export function editProposal(doc: Y.Doc, id: string, text: string, now = Date.now()): void {
  change(doc, id, { text: textSchema.parse(text) }, now)
}

export function setValidated(doc: Y.Doc, id: string, validated: boolean, now = Date.now()): void {
  change(doc, id, { validated }, now)
}

/** Moves to the bin; `restoreProposal` brings it back where it was. */
export function deleteProposal(doc: Y.Doc, id: string, now = Date.now()): void {
  change(doc, id, { deletedAt: now, validated: false }, now)
}

export function restoreProposal(doc: Y.Doc, id: string, now = Date.now()): void {
  change(doc, id, { deletedAt: null }, now)
}

/**
 * Moves a proposal one place up or down among its atelier's visible proposals, by giving it a
 * position between its new neighbours — so a concurrent move elsewhere in the list stays valid.
 */
export function moveProposal(doc: Y.Doc, id: string, direction: -1 | 1): void {
  const all = readProposals(doc)
  const moving = all.find((p) => p.id === id)
  if (!moving) throw new Error(`unknown proposal ${id}`)
  const list = all.filter((p) => p.atelierId === moving.atelierId && p.deletedAt === null)
  const position = positionAfterMove(
    list,
    list.findIndex((p) => p.id === id),
    direction,
  )
  if (position === null) return
  change(doc, id, { position })
}
