/**
 * The idea bank (the Angers pattern): ideas collected over weeks, sorted into axes, sieved
 * against criteria, voted on by collège; the chosen ones become chantiers in the tableau de
 * suivi. Lives in the committee document (see committeeDoc.ts), shared by the coordinator's
 * devices, which may all work offline at once and merge later.
 *
 *   ideas            Y.Map  ideaId → { text, source, createdAt, updatedAt }
 *   ideaBin          Y.Map  ideaId → removedAt (ms) | null
 *   ideaAxes         Y.Map  "<axisId>|name" → string, "<axisId>|position" → number,
 *                           "<axisId>|removedAt" → ms | null
 *   ideaCriteria     Y.Map  the same for criteria, plus "<criterionId>|question" → string
 *   ideaAxisOf       Y.Map  itemId → axisId | null         (an item: an idea or a group)
 *   ideaGroups       Y.Map  groupId → { text, createdAt }   (duplicates under one wording)
 *   ideaGroupOf      Y.Map  ideaId → groupId | null
 *   ideaSieve        Y.Map  "<itemId>|<criterionId>" → "yes" | "no" | "maybe" | null
 *   ideaSieveNotes   Y.Map  "<itemId>|<criterionId>" → string (the short justification)
 *   ideaVotes        Y.Map  "<itemId>|<college>|<counterId>" → { count, at }
 *   ideaVoteSettings Y.Map  "weight.<college>" → number
 *   ideaProjects     Y.Map  itemId → selectedAt (ms): chosen as a chantier
 *
 * How concurrent edits resolve (Yjs keeps one value per key, the same on every device):
 * - Ideas are keyed by a fresh random id, or, when sent from a meeting, by
 *   "<meetingId>.<proposalId>": two devices sending the same proposals write the same keys, so
 *   nothing doubles. An idea is never deleted, only put in the bin (a separate key), so an
 *   edit and a removal at once keep both.
 * - Axis membership is one value per item: every idea is in exactly one axis, or none yet
 *   ("à classer"), whatever two devices did at once. An idea in a group is in its group's
 *   axis; group membership is one value per idea, so an idea is in one group at most, and a
 *   group with fewer than two ideas is no group (its idea shows on its own again). An axis that
 *   is removed sends its ideas back to "à classer" without touching them: restoring it brings
 *   them back.
 * - Axes and criteria keep each field under its own key, so a rename and a move at once both
 *   hold. The eight Angers axes and three Angers criteria are defaults with fixed ids, present
 *   in every bank without being written: two devices opening a new bank never create them
 *   twice; editing one writes only the field changed.
 * - Each sieve answer and each justification has its own key per item and criterion; each
 *   device counts votes under its own counter id (see ideaVotes.ts).
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { recordRetained } from './followUp'
import { DEFAULT_IDEA_WEIGHTS, type CollegeWeights, type IdeaVoteEntry } from './ideaVotes'
import { newId } from './ids'
import { compareIds, positionAfterMove } from './layout'
import { origins } from './origins'
import {
  compoundIdSchema,
  entityIdSchema,
  idRecord,
  isCompoundId,
  isEntityId,
  isoDateSchema,
  noteSkipped,
  positionSchema,
  readEntity,
  timestampSchema,
} from './untrusted'
import {
  countSchema,
  VOTE_COLLEGES,
  voteValueSchema,
  weightSchema,
  type VoteCollege,
} from './votes'

export const IDEA_ROOT = {
  ideas: 'ideas',
  bin: 'ideaBin',
  axes: 'ideaAxes',
  criteria: 'ideaCriteria',
  axisOf: 'ideaAxisOf',
  groups: 'ideaGroups',
  groupOf: 'ideaGroupOf',
  sieve: 'ideaSieve',
  sieveNotes: 'ideaSieveNotes',
  votes: 'ideaVotes',
  voteSettings: 'ideaVoteSettings',
  projects: 'ideaProjects',
} as const

const ideasOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.ideas)
const binOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.bin)
const axesOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.axes)
const criteriaOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.criteria)
const axisOfMap = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.axisOf)
const groupsOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.groups)
const groupOfMap = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.groupOf)
const sieveOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.sieve)
const sieveNotesOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.sieveNotes)
const votesOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.votes)
const voteSettingsOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.voteSettings)
const projectsOf = (doc: Y.Doc) => doc.getMap<unknown>(IDEA_ROOT.projects)

export const IDEA_MAX = 1000
export const LABEL_MAX = 120
export const NAME_MAX = 120
export const QUESTION_MAX = 200
export const NOTE_MAX = 280
/** One paste of a whole stack of paper forms, at most. */
export const ADD_MAX = 2000

/** Where the chantiers come from, in the tableau de suivi (its `meetingId` and title). */
export const IDEA_BANK_MEETING = { id: 'banque-idees', title: 'Banque d’idées' } as const

// ── Schemas ─────────────────────────────────────────────────────────────────────────────────

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

const ideaSchema = z.object({
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

const groupSchema = z.object({
  text: z.string().trim().min(1).max(IDEA_MAX),
  createdAt: timestampSchema,
})

export const SIEVE_ANSWERS = ['yes', 'no', 'maybe'] as const
export type SieveAnswer = (typeof SIEVE_ANSWERS)[number]
const answerSchema = z.enum(SIEVE_ANSWERS)
/** pass: "oui" to every criterion; fail: at least one "non"; pending: otherwise. */
export type SieveStatus = 'pass' | 'fail' | 'pending'

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

const ID_PART = /^[^|]+$/

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
  return readNamed(axesOf(doc), DEFAULT_AXES)
}

export function readCriteria(doc: Y.Doc): Named[] {
  return readNamed(criteriaOf(doc), DEFAULT_CRITERIA)
}

function readIdeas(doc: Y.Doc): Idea[] {
  const removed = binOf(doc)
  const groupOf = groupOfMap(doc)
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

function readVoteEntries(doc: Y.Doc): IdeaVoteEntry[] {
  const entries: IdeaVoteEntry[] = []
  let skipped = 0
  votesOf(doc).forEach((raw, key) => {
    const [itemId, college, counterId, ...rest] = key.split('|')
    const parsed = readEntity(voteValueSchema, raw)
    const valid =
      isCompoundId(itemId) &&
      isEntityId(counterId) &&
      rest.length === 0 &&
      VOTE_COLLEGES.includes(college as VoteCollege)
    if (!valid || parsed === null) skipped += 1
    else entries.push({ itemId, college: college as VoteCollege, counterId, ...parsed })
  })
  noteSkipped(votesOf(doc), skipped)
  return entries.sort(
    (a, b) =>
      compareIds(a.itemId, b.itemId) ||
      compareIds(a.college, b.college) ||
      compareIds(a.counterId, b.counterId),
  )
}

function readWeights(doc: Y.Doc): CollegeWeights {
  const weights = { ...DEFAULT_IDEA_WEIGHTS }
  for (const college of VOTE_COLLEGES) {
    const parsed = weightSchema.safeParse(voteSettingsOf(doc).get(`weight.${college}`))
    if (parsed.success) weights[college] = parsed.data
  }
  return weights
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

  // itemId → criterionId → value, in records without prototype.
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
  const answers = perCriterion(sieveOf(doc), (value) => {
    const parsed = answerSchema.safeParse(value)
    return parsed.success ? parsed.data : null
  })
  const notes = perCriterion(sieveNotesOf(doc), (value) =>
    typeof value === 'string' && value ? value.slice(0, NOTE_MAX) : null,
  )
  const axisOf = axisOfMap(doc)
  const projects = projectsOf(doc)

  const item = (id: string, kind: IdeaItem['kind'], text: string, members: Idea[]): IdeaItem => {
    const axisId = axisOf.get(id)
    const given = answers.get(id) ?? idRecord<SieveAnswer>()
    const relevant = criteria.map((criterion) => given[criterion.id])
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
      sieve: relevant.includes('no')
        ? 'fail'
        : relevant.every((answer) => answer === 'yes')
          ? 'pass'
          : 'pending',
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
  groupsOf(doc).forEach((value, groupId) => {
    const list = members.get(groupId) ?? []
    const parsed = readEntity(groupSchema, value)
    if (!isEntityId(groupId) || ideaIds.has(groupId) || parsed === null) skippedGroups += 1
    if (list.length < 2 || !isEntityId(groupId) || ideaIds.has(groupId) || parsed === null) return
    for (const idea of list) grouped.add(idea.id)
    items.push(item(groupId, 'group', parsed.text, list))
  })
  noteSkipped(groupsOf(doc), skippedGroups)
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
    votes: readVoteEntries(doc),
    weights: readWeights(doc),
  }
}

// ── Collecting ──────────────────────────────────────────────────────────────────────────────

const textSchema = z.string().trim().min(1).max(IDEA_MAX)

/** The lines of a paste, one idea each: trimmed, list marks and empty lines dropped. */
export function splitIdeas(pasted: string): string[] {
  return pasted
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•–]|\d+[.)])\s+/, '').trim())
    .filter((line) => line.length > 0)
}

/**
 * Adds ideas (one per text) from one source; returns their ids. Optionally files them straight
 * into an axis. Empty texts are refused, like texts longer than `IDEA_MAX`.
 */
export function addIdeas(
  doc: Y.Doc,
  texts: readonly string[],
  source: IdeaSourceInput,
  now = Date.now(),
  axisId: string | null = null,
): string[] {
  const valid = z.array(textSchema).min(1).max(ADD_MAX).parse(texts)
  const from = sourceSchema.parse(source)
  if (axisId !== null) checkAxis(doc, axisId)
  const ids = valid.map(() => newId())
  doc.transact(() => {
    valid.forEach((text, index) => {
      // One millisecond apart, so a pasted list keeps its order on every device.
      ideasOf(doc).set(ids[index]!, { text, source: from, createdAt: now + index })
      if (axisId !== null) axisOfMap(doc).set(ids[index]!, axisId)
    })
  }, origins.local)
  return ids
}

export interface MeetingProposal {
  proposalId: string
  text: string
  atelier: string
}

/** The idea a meeting's proposal becomes: the same key on every device that sends it. */
export const meetingIdeaId = (meetingId: string, proposalId: string) => `${meetingId}.${proposalId}`

/**
 * "Envoyer à la banque d'idées": a meeting's proposals become ideas, each keeping its meeting,
 * atelier and date. Sending again (from this device or another) adds only the new ones.
 */
export function addMeetingProposals(
  doc: Y.Doc,
  meeting: { id: string; title: string; date: string },
  proposals: readonly MeetingProposal[],
  now = Date.now(),
): { added: number; already: number } {
  let added = 0
  doc.transact(() => {
    for (const proposal of proposals) {
      const text = textSchema.safeParse(proposal.text.slice(0, IDEA_MAX))
      if (!text.success || !ID_PART.test(proposal.proposalId)) continue
      const id = meetingIdeaId(meeting.id, proposal.proposalId)
      if (ideasOf(doc).has(id)) continue
      const source = sourceSchema.parse({
        kind: 'meeting',
        label: meeting.title.slice(0, LABEL_MAX),
        date: isoDateOrEmpty.safeParse(meeting.date).success ? meeting.date : '',
        meetingId: meeting.id,
        atelier: proposal.atelier.slice(0, LABEL_MAX),
      })
      ideasOf(doc).set(id, { text: text.data, source, createdAt: now + added })
      added += 1
    }
  }, origins.local)
  return { added, already: proposals.length - added }
}

export function editIdea(doc: Y.Doc, ideaId: string, text: string, now = Date.now()): void {
  const valid = textSchema.parse(text)
  const current = ideaSchema.safeParse({ ...(ideasOf(doc).get(ideaId) as object), id: ideaId })
  if (!current.success) throw new Error(`unknown idea ${ideaId}`)
  const { id: _id, ...fields } = current.data
  doc.transact(
    () => ideasOf(doc).set(ideaId, { ...fields, text: valid, updatedAt: now }),
    origins.local,
  )
}

/** Puts ideas in the bin: out of the list, restorable with their axis, group and answers. */
export function binIdeas(doc: Y.Doc, ideaIds: readonly string[], now = Date.now()): void {
  doc.transact(() => {
    for (const id of ideaIds) if (ideasOf(doc).has(id)) binOf(doc).set(id, now)
  }, origins.local)
}

export function restoreIdea(doc: Y.Doc, ideaId: string): void {
  doc.transact(() => binOf(doc).set(ideaId, null), origins.local)
}

// ── Axes and criteria ───────────────────────────────────────────────────────────────────────

export type NamedKind = 'axes' | 'criteria'
const namedMap = (doc: Y.Doc, kind: NamedKind) => (kind === 'axes' ? axesOf(doc) : criteriaOf(doc))
const readNamedKind = (doc: Y.Doc, kind: NamedKind) =>
  kind === 'axes' ? readAxes(doc) : readCriteria(doc)
const nameSchema = z.string().trim().min(1).max(NAME_MAX)

function checkAxis(doc: Y.Doc, axisId: string) {
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
  doc.transact(() => criteriaOf(doc).set(`${criterionId}|question`, valid), origins.local)
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
    for (const id of itemIds) if (ID_PART.test(id)) axisOfMap(doc).set(id, axisId)
  }, origins.local)
}

// ── Duplicates ──────────────────────────────────────────────────────────────────────────────

const wordingSchema = z.string().trim().min(1).max(IDEA_MAX)

/**
 * Groups ideas that say the same thing under one wording; each keeps its own text and source.
 * If exactly one of them already belongs to a group, the others join that group (its wording,
 * axis, answers and votes stay); otherwise a new group is made, filed in the axis of the first
 * idea that has one, with the sieve answers of the first idea that has some (votes are not
 * carried over: they would count twice). Returns the group's id.
 */
export function groupIdeas(
  doc: Y.Doc,
  ideaIds: readonly string[],
  wording: string,
  now = Date.now(),
): string {
  const ids = [...new Set(ideaIds)]
  if (ids.length < 2) throw new Error('a group needs at least two ideas')
  const bank = readIdeaBank(doc)
  const byId = new Map(bank.ideas.map((idea) => [idea.id, idea]))
  for (const id of ids) if (!byId.has(id)) throw new Error(`unknown idea ${id}`)
  const itemOf = new Map(bank.items.flatMap((item) => item.ideas.map((idea) => [idea.id, item])))
  const groups = [
    ...new Set(ids.map((id) => itemOf.get(id)!).filter((item) => item.kind === 'group')),
  ]
  const text = wordingSchema.parse(wording)
  let groupId = ''
  doc.transact(() => {
    if (groups.length === 1) {
      groupId = groups[0]!.id
    } else {
      groupId = newId()
      groupsOf(doc).set(groupId, { text, createdAt: now })
      const axisId = ids.map((id) => itemOf.get(id)!.axisId).find((axis) => axis !== null)
      if (axisId) axisOfMap(doc).set(groupId, axisId)
      const sieved = ids
        .map((id) => itemOf.get(id)!)
        .find((item) => Object.keys(item.answers).length > 0)
      if (sieved) {
        for (const [criterionId, answer] of Object.entries(sieved.answers))
          sieveOf(doc).set(`${groupId}|${criterionId}`, answer)
        for (const [criterionId, note] of Object.entries(sieved.notes))
          sieveNotesOf(doc).set(`${groupId}|${criterionId}`, note)
      }
    }
    for (const id of ids) groupOfMap(doc).set(id, groupId)
  }, origins.local)
  return groupId
}

/** Takes one idea out of its group: it shows on its own again, with its own axis and answers. */
export function leaveIdeaGroup(doc: Y.Doc, ideaId: string): void {
  doc.transact(() => groupOfMap(doc).set(ideaId, null), origins.local)
}

/** Undoes a group: each of its ideas shows on its own again. */
export function ungroupIdeas(doc: Y.Doc, groupId: string): void {
  doc.transact(() => {
    groupOfMap(doc).forEach((value, ideaId) => {
      if (value === groupId) groupOfMap(doc).set(ideaId, null)
    })
  }, origins.local)
}

export function rewordIdeaGroup(doc: Y.Doc, groupId: string, wording: string): void {
  const text = wordingSchema.parse(wording)
  const current = groupSchema.safeParse(groupsOf(doc).get(groupId))
  if (!current.success) throw new Error(`unknown group ${groupId}`)
  doc.transact(() => groupsOf(doc).set(groupId, { ...current.data, text }), origins.local)
}

// ── The sieve ───────────────────────────────────────────────────────────────────────────────

function checkIds(...ids: string[]) {
  for (const id of ids) if (!ID_PART.test(id)) throw new Error(`bad id ${id}`)
}

/** "oui", "non" or "à voir" for one criterion; `null` takes the answer back. */
export function answerCriterion(
  doc: Y.Doc,
  itemId: string,
  criterionId: string,
  answer: SieveAnswer | null,
): void {
  checkIds(itemId, criterionId)
  const valid = answer === null ? null : answerSchema.parse(answer)
  doc.transact(() => sieveOf(doc).set(`${itemId}|${criterionId}`, valid), origins.local)
}

/** The short justification of an answer (its own key: an answer and a note at once both hold). */
export function setSieveNote(doc: Y.Doc, itemId: string, criterionId: string, note: string): void {
  checkIds(itemId, criterionId)
  const valid = z.string().trim().max(NOTE_MAX).parse(note)
  doc.transact(() => sieveNotesOf(doc).set(`${itemId}|${criterionId}`, valid), origins.local)
}

// ── Votes by collège ────────────────────────────────────────────────────────────────────────

export const ideaVoteKey = (itemId: string, college: VoteCollege, counterId: string) =>
  `${itemId}|${college}|${counterId}`

function checkCollege(college: VoteCollege) {
  if (!VOTE_COLLEGES.includes(college)) throw new Error(`unknown collège ${college}`)
}

/** This device's count of one collège's votes for an item. */
export function enterIdeaCount(
  doc: Y.Doc,
  itemId: string,
  college: VoteCollege,
  counterId: string,
  count: number,
  now = Date.now(),
): void {
  checkIds(itemId, counterId)
  checkCollege(college)
  const valid = countSchema.parse(count)
  doc.transact(
    () => votesOf(doc).set(ideaVoteKey(itemId, college, counterId), { count: valid, at: now }),
    origins.local,
  )
}

export function withdrawIdeaCount(
  doc: Y.Doc,
  itemId: string,
  college: VoteCollege,
  counterId: string,
): void {
  doc.transact(() => votesOf(doc).delete(ideaVoteKey(itemId, college, counterId)), origins.local)
}

/** Ends a disagreement between counters: every count of this item and collège becomes `count`. */
export function settleIdeaCount(
  doc: Y.Doc,
  itemId: string,
  college: VoteCollege,
  count: number,
  now = Date.now(),
): void {
  checkIds(itemId)
  checkCollege(college)
  const valid = countSchema.parse(count)
  const prefix = `${itemId}|${college}|`
  doc.transact(() => {
    for (const key of Array.from(votesOf(doc).keys()))
      if (key.startsWith(prefix)) votesOf(doc).set(key, { count: valid, at: now })
  }, origins.local)
}

/** One key per collège: two devices changing two weights at once both keep theirs. */
export function setIdeaWeight(doc: Y.Doc, college: VoteCollege, weight: number): void {
  checkCollege(college)
  const valid = weightSchema.parse(weight)
  doc.transact(() => voteSettingsOf(doc).set(`weight.${college}`, valid), origins.local)
}

// ── Chantiers ───────────────────────────────────────────────────────────────────────────────

export interface ProjectChoice {
  itemId: string
  /** The chantier's wording: the idea's text or the group's. */
  text: string
  /** What the tableau de suivi shows as its origin: the axis, then the ideas' sources. */
  origins: string[]
}

/** The tableau de suivi's entry id for a chantier. */
export const projectFollowUpId = (itemId: string) => `${IDEA_BANK_MEETING.id}:${itemId}`

/**
 * Chooses chantiers: marks them in the bank and adds them to the tableau de suivi (as retained
 * by the "Banque d'idées", dated today), in one transaction. Choosing again changes nothing.
 */
export function selectProjects(
  doc: Y.Doc,
  choices: readonly ProjectChoice[],
  now = Date.now(),
): void {
  for (const choice of choices) checkIds(choice.itemId)
  const date = new Date(now).toLocaleDateString('sv-SE') // YYYY-MM-DD, local time
  doc.transact(() => {
    const fresh = choices.filter((choice) => typeof projectsOf(doc).get(choice.itemId) !== 'number')
    for (const choice of fresh) projectsOf(doc).set(choice.itemId, now)
    recordRetained(
      doc,
      fresh.map((choice) => ({
        meetingId: IDEA_BANK_MEETING.id,
        meetingTitle: IDEA_BANK_MEETING.title,
        meetingDate: date,
        itemId: choice.itemId,
        ateliers: choice.origins,
        text: choice.text,
        retainedAt: now,
      })),
    )
  }, origins.local)
}
