/**
 * The idea bank (the Angers pattern): ideas collected over weeks, sorted into axes
 * (`ideaAxes.ts`), grouped when duplicates (`ideaGroups.ts`), sieved against criteria
 * (`ideaSieve.ts`), voted on by collège (`ideaVotes.ts`); the chosen ones become chantiers in
 * the tableau de suivi (`ideaProjects.ts`). Lives in the committee document (roots in
 * `committeeLayout.ts`), shared by the coordinator's devices, which may all work offline at once
 * and merge later. This module holds what an idea is and reads the whole bank.
 *
 * How concurrent edits resolve (Yjs keeps one value per key, the same on every device):
 * - Ideas are keyed by a fresh random id, or, when sent from a meeting, by
 *   "<meetingId>.<proposalId>": two devices sending the same proposals write the same keys, so
 *   nothing doubles. An idea is never deleted, only put in the bin (a separate key), so an
 *   edit and a removal at once keep both.
 * - An idea in a group is in its group's axis; group membership is one value per idea, so an
 *   idea is in one group at most, and a group with fewer than two ideas is no group (its idea
 *   shows on its own again).
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import {
  ideaAxisOfMap,
  ideaBinOf,
  ideaGroupOfMap,
  ideaGroupsOf,
  ideaProjectsOf,
  ideasOf,
} from './committeeLayout'
import { readAxes, readCriteria, type Axis, type Criterion } from './ideaAxes'
import { readSieve, sieveStatus, type SieveAnswer, type SieveStatus } from './ideaSieve'
import { readIdeaVotes, readIdeaWeights, type IdeaVoteEntry } from './ideaVotes'
import { compareIds } from './layout'
import {
  compoundIdSchema,
  idRecord,
  isEntityId,
  isoDateSchema,
  noteSkipped,
  readEntity,
  timestampSchema,
} from './untrusted'
import type { CollegeWeights } from './voteCounts'

export const IDEA_MAX = 1000
export const LABEL_MAX = 120

export const SOURCE_KINDS = ['typed', 'paper', 'event', 'meeting'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export const isoDateOrEmpty = z.union([z.literal(''), isoDateSchema])

export const sourceSchema = z.object({
  /** Typed directly, copied from a paper form, collected at an event, or sent from a meeting. */
  kind: z.enum(SOURCE_KINDS),
  /** The event, the batch of forms, or the meeting's title. */
  label: z.string().trim().max(LABEL_MAX).default(''),
  date: isoDateOrEmpty.default(''),
  meetingId: z.string().nullable().default(null),
  /** The atelier a meeting's proposal came from. */
  atelier: z.string().max(LABEL_MAX).nullable().default(null),
})
export type IdeaSource = z.infer<typeof sourceSchema>
export type IdeaSourceInput = z.input<typeof sourceSchema>

export const ideaSchema = z.object({
  id: compoundIdSchema,
  text: z.string().min(1).max(IDEA_MAX),
  source: sourceSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema.optional(),
})

/** An idea as collected, with where it came from. */
export interface Idea {
  id: string
  text: string
  source: IdeaSource
  createdAt: number
  updatedAt: number
  /** In the bin since (ms), or `null`. */
  removedAt: number | null
  /** The group of duplicates it belongs to (two ideas or more), or `null`. */
  groupId: string | null
}

export const groupSchema = z.object({
  text: z.string().trim().min(1).max(IDEA_MAX),
  createdAt: timestampSchema,
})

/** One thing that is sorted, sieved and voted on: an idea on its own, or a group of duplicates. */
export interface IdeaItem {
  /** The idea's id, or the group's. */
  id: string
  kind: 'idea' | 'group'
  /** The idea's text, or the group's common wording. */
  text: string
  /** The idea itself, or the group's ideas, each with its own text and source (oldest first). */
  ideas: Idea[]
  /** The oldest of its ideas: where it sits in the list. */
  createdAt: number
  /** Its axis, or `null`: "à classer". */
  axisId: string | null
  /** criterionId → answer, for the criteria answered. */
  answers: Record<string, SieveAnswer>
  /** criterionId → justification. */
  notes: Record<string, string>
  sieve: SieveStatus
  /** Chosen as a chantier (ms), or `null`. */
  projectAt: number | null
}

export interface IdeaBank {
  /** Ideas not in the bin, oldest first. */
  ideas: Idea[]
  /** Ideas in the bin, most recently removed first. */
  binned: Idea[]
  /** Axes in order; removed ones apart, restorable. */
  axes: Axis[]
  removedAxes: Axis[]
  criteria: Criterion[]
  removedCriteria: Criterion[]
  /** Every idea not in the bin exactly once, alone or inside one group; oldest first. */
  items: IdeaItem[]
  votes: IdeaVoteEntry[]
  weights: CollegeWeights
}

function readIdeas(doc: Y.Doc): Idea[] {
  const removed = ideaBinOf(doc)
  const groupOf = ideaGroupOfMap(doc)
  const out: Idea[] = []
  let skipped = 0
  ideasOf(doc).forEach((value, id) => {
    const parsed = readEntity(ideaSchema, value, { id })
    if (parsed === null) {
      skipped += 1
      return
    }
    const removedAt = removed.get(id)
    const groupId = groupOf.get(id)
    out.push({
      ...parsed,
      updatedAt: parsed.updatedAt ?? parsed.createdAt,
      removedAt: timestampSchema.safeParse(removedAt).success ? (removedAt as number) : null,
      groupId: isEntityId(groupId) ? groupId : null,
    })
  })
  noteSkipped(ideasOf(doc), skipped)
  return out.sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id))
}

/** The whole bank as plain, validated data; entries that do not match are skipped. */
export function readIdeaBank(doc: Y.Doc): IdeaBank {
  const all = readIdeas(doc)
  const ideas = all.filter((idea) => idea.removedAt === null)
  const axesAll = readAxes(doc)
  const criteriaAll = readCriteria(doc)
  const axes = axesAll.filter((axis) => axis.removedAt === null)
  const criteria = criteriaAll.filter((criterion) => criterion.removedAt === null)
  const liveAxes = new Set(axes.map((axis) => axis.id))

  const { answers, notes } = readSieve(doc)
  const axisOf = ideaAxisOfMap(doc)
  const projects = ideaProjectsOf(doc)

  const item = (id: string, kind: IdeaItem['kind'], text: string, members: Idea[]): IdeaItem => {
    const axisId = axisOf.get(id)
    const given = answers.get(id) ?? idRecord<SieveAnswer>()
    const projectAt = projects.get(id)
    return {
      id,
      kind,
      text,
      ideas: members,
      createdAt: members[0]!.createdAt,
      axisId: typeof axisId === 'string' && liveAxes.has(axisId) ? axisId : null,
      answers: given,
      notes: notes.get(id) ?? idRecord<string>(),
      sieve: sieveStatus(criteria, given),
      projectAt: timestampSchema.safeParse(projectAt).success ? (projectAt as number) : null,
    }
  }

  const members = new Map<string, Idea[]>()
  for (const idea of ideas) {
    if (idea.groupId === null) continue
    const list = members.get(idea.groupId)
    if (list) list.push(idea)
    else members.set(idea.groupId, [idea])
  }
  // One entity per id: sieve answers, votes and axis are keyed by an item's id, so a group
  // written under an idea's id (no device makes one) is left out, not merged with the idea.
  const ideaIds = new Set(all.map((idea) => idea.id))
  const items: IdeaItem[] = []
  const grouped = new Set<string>()
  let skippedGroups = 0
  ideaGroupsOf(doc).forEach((value, groupId) => {
    const list = members.get(groupId) ?? []
    const parsed = readEntity(groupSchema, value)
    if (!isEntityId(groupId) || ideaIds.has(groupId) || parsed === null) skippedGroups += 1
    if (list.length < 2 || !isEntityId(groupId) || ideaIds.has(groupId) || parsed === null) return
    for (const idea of list) grouped.add(idea.id)
    items.push(item(groupId, 'group', parsed.text, list))
  })
  noteSkipped(ideaGroupsOf(doc), skippedGroups)
  for (const idea of ideas)
    if (!grouped.has(idea.id)) items.push(item(idea.id, 'idea', idea.text, [idea]))
  items.sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id))

  return {
    ideas,
    binned: all
      .filter((idea) => idea.removedAt !== null)
      .sort((a, b) => b.removedAt! - a.removedAt! || compareIds(a.id, b.id)),
    axes,
    removedAxes: axesAll.filter((axis) => axis.removedAt !== null),
    criteria,
    removedCriteria: criteriaAll.filter((criterion) => criterion.removedAt !== null),
    items,
    votes: readIdeaVotes(doc),
    weights: readIdeaWeights(doc),
  }
}
