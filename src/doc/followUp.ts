/**
 * The tableau de suivi: what became of each proposal retained in plenary, over the year. Lives
 * in the committee document (roots in committeeLayout.ts), shared by the coordinator's devices.
 *
 *   followUp         Y.Map  "<meetingId>:<itemId>" → { meetingId, meetingTitle, meetingDate,
 *                                                      ateliers, text, retainedAt }
 *   followUpHistory  Y.Map  "<entryId>|<changeId>" → { status, at, comment, owner }
 *
 * Each status change is its own entry in a flat map: two devices changing a status at once
 * both keep their change (dated), and the latest is the current status.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { followUpHistoryOf, followUpOf } from './committeeLayout'
import { newId } from './ids'
import { compareIds } from './layout'
import { origins } from './origins'
import { PROPOSAL_MAX } from './proposals'
import {
  compoundIdSchema,
  entityIdSchema,
  isCompoundId,
  isEntityId,
  isoDateSchema,
  noteSkipped,
  readEntity,
  timestampSchema,
} from './untrusted'

export const FOLLOW_UP_STATUSES = [
  'retained',
  'submittedToBoard',
  'validated',
  'rejected',
  'assignedToGroup',
  'inProgress',
  'done',
] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

/** Which status may follow which: the path of a proposal from the plenary to its realisation. */
export const NEXT_STATUSES: Record<FollowUpStatus, FollowUpStatus[]> = {
  retained: ['submittedToBoard'],
  submittedToBoard: ['validated', 'rejected'],
  validated: ['assignedToGroup', 'inProgress'],
  rejected: [],
  assignedToGroup: ['inProgress'],
  inProgress: ['done'],
  done: [],
}

/** Progress (%) reported with each status, as Decidim's accountability module expects. */
export const PROGRESS: Record<FollowUpStatus, number> = {
  retained: 0,
  submittedToBoard: 10,
  validated: 25,
  rejected: 0,
  assignedToGroup: 40,
  inProgress: 60,
  done: 100,
}

const entrySchema = z.object({
  id: compoundIdSchema,
  meetingId: entityIdSchema,
  meetingTitle: z.string().max(200),
  meetingDate: isoDateSchema.or(z.literal('')),
  ateliers: z.array(z.string().max(200)).max(100),
  text: z.string().max(PROPOSAL_MAX),
  retainedAt: timestampSchema,
})

export const changeSchema = z.object({
  id: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  at: timestampSchema,
  comment: z.string().max(1000),
  /** A service or working group, never a private person's details. */
  owner: z.string().max(120),
})
export type StatusChange = z.infer<typeof changeSchema>

export interface FollowUpEntry extends z.infer<typeof entrySchema> {
  status: FollowUpStatus
  /** Oldest first, starting with "retenue en plénière". */
  history: StatusChange[]
}

export function readFollowUp(doc: Y.Doc): FollowUpEntry[] {
  const history = new Map<string, StatusChange[]>()
  let skippedChanges = 0
  followUpHistoryOf(doc).forEach((value, key) => {
    const [entryId, changeId, ...rest] = key.split('|')
    const parsed = readEntity(changeSchema, value, { id: changeId })
    if (!isCompoundId(entryId) || !isEntityId(changeId) || rest.length > 0 || parsed === null) {
      skippedChanges += 1
      return
    }
    const list = history.get(entryId)
    if (list) list.push(parsed)
    else history.set(entryId, [parsed])
  })
  noteSkipped(followUpHistoryOf(doc), skippedChanges)
  const entries: FollowUpEntry[] = []
  let skippedEntries = 0
  followUpOf(doc).forEach((value, id) => {
    const parsed = readEntity(entrySchema, value, { id })
    if (parsed === null) {
      skippedEntries += 1
      return
    }
    const changes = (history.get(id) ?? []).sort((a, b) => a.at - b.at || compareIds(a.id, b.id))
    entries.push({ ...parsed, history: changes, status: changes.at(-1)?.status ?? 'retained' })
  })
  noteSkipped(followUpOf(doc), skippedEntries)
  return entries.sort(
    (a, b) =>
      b.meetingDate.localeCompare(a.meetingDate) ||
      a.retainedAt - b.retainedAt ||
      compareIds(a.id, b.id),
  )
}

export interface RetainedProposal {
  meetingId: string
  meetingTitle: string
  meetingDate: string
  itemId: string
  ateliers: string[]
  text: string
  retainedAt: number
}

/**
 * Adds proposals retained in plenary to the table (and refreshes their wording). Idempotent:
 * an entry already there keeps its history. Returns how many were new.
 */
export function recordRetained(doc: Y.Doc, retained: RetainedProposal[]): number {
  let added = 0
  doc.transact(() => {
    for (const item of retained) {
      const id = `${item.meetingId}:${item.itemId}`
      const { itemId: _itemId, ...entry } = item
      const existing = readEntity(entrySchema, followUpOf(doc).get(id), { id })
      if (existing === null) {
        added += 1
        followUpHistoryOf(doc).set(`${id}|${newId()}`, {
          status: 'retained',
          at: item.retainedAt,
          comment: '',
          owner: '',
        })
      }
      if (existing === null || existing.text !== item.text) followUpOf(doc).set(id, entry)
    }
  }, origins.local)
  return added
}

export class StatusTransitionError extends Error {}

/** Moves an entry to its next status; a refusal ("non retenue") needs a reason. */
export function changeStatus(doc: Y.Doc, entryId: string, change: Omit<StatusChange, 'id'>): void {
  const entry = readFollowUp(doc).find((candidate) => candidate.id === entryId)
  if (!entry) throw new StatusTransitionError(`unknown entry ${entryId}`)
  if (!NEXT_STATUSES[entry.status].includes(change.status))
    throw new StatusTransitionError(`${entry.status} → ${change.status}`)
  const valid = changeSchema.omit({ id: true }).parse(change)
  if (valid.status === 'rejected' && !valid.comment.trim())
    throw new StatusTransitionError('a refusal needs a reason')
  doc.transact(() => followUpHistoryOf(doc).set(`${entryId}|${newId()}`, valid), origins.local)
}
