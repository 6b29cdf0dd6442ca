/**
 * The committee document: what belongs to the committee rather than to one meeting — the list
 * of its meetings (with their keys, so any coordinator device that holds the committee link can
 * open them all), and its trame templates. The follow-up of proposals will live here too.
 * Shared by the coordinator's devices only; a separate Yjs document with its own link
 * (`#/comite/<writeKey>`), synced by the same relay like any meeting.
 *
 *   committee  Y.Map   schemaVersion, name, createdAt
 *   meetings   Y.Map   roomId → Y.Map { title, date, writeKey, createdAt }
 *   templates  Y.Map   templateId → Y.Map { name, steps: StepDraft[], createdAt }
 *
 * The idea bank (Angers: ideas, axes, sieve, vote by collège, chantiers) has its own roots, all
 * named `idea…`, read and written only by ideas.ts: ideas, ideaBin, ideaAxes, ideaCriteria,
 * ideaAxisOf, ideaGroups, ideaGroupOf, ideaSieve, ideaSieveNotes, ideaVotes, ideaVoteSettings,
 * ideaProjects (layout and merge rules in ideas.ts and docs/protocol.md).
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { keySchema } from '../links/capability'
import { newId } from './ids'
import { compareIds, mapOf, validEntries } from './layout'
import { origins } from './origins'
import { stepDraftSchema, type StepDraft } from './script'
import { entityIdSchema, isoDateSchema, timestampSchema } from './untrusted'

export const COMMITTEE_SCHEMA_VERSION = 1
const COMMITTEE_NAME_MAX = 120

const ROOT = { committee: 'committee', meetings: 'meetings', templates: 'templates' } as const
const infoOf = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.committee)
const meetingsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ROOT.meetings)
const templatesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ROOT.templates)

export const committeeMeetingSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  title: z.string().max(200),
  date: isoDateSchema.or(z.literal('')),
  writeKey: keySchema,
  createdAt: timestampSchema,
})
/** A meeting of the committee, with the key that opens it. */
export type CommitteeMeeting = z.infer<typeof committeeMeetingSchema>

export const templateSchema = z.object({
  id: entityIdSchema,
  name: z.string().trim().min(1).max(120),
  steps: z.array(stepDraftSchema).min(1).max(40),
  createdAt: timestampSchema,
})
export type Template = z.infer<typeof templateSchema>

export interface Committee {
  name: string
  /** Most recent first. */
  meetings: CommitteeMeeting[]
  templates: Template[]
}

export function hasCommittee(doc: Y.Doc): boolean {
  return typeof infoOf(doc).get('schemaVersion') === 'number'
}

export function readCommittee(doc: Y.Doc): Committee {
  const name = infoOf(doc).get('name')
  return {
    name: typeof name === 'string' ? name.slice(0, COMMITTEE_NAME_MAX) : '',
    meetings: validEntries(meetingsOf(doc), committeeMeetingSchema).sort(
      (a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt || compareIds(a.id, b.id),
    ),
    templates: validEntries(templatesOf(doc), templateSchema).sort(
      (a, b) => a.name.localeCompare(b.name, 'fr') || compareIds(a.id, b.id),
    ),
  }
}

export function createCommittee(doc: Y.Doc, name: string, now = Date.now()): void {
  const valid = z.string().trim().min(1).max(COMMITTEE_NAME_MAX).parse(name)
  doc.transact(() => {
    infoOf(doc).set('schemaVersion', COMMITTEE_SCHEMA_VERSION)
    infoOf(doc).set('name', valid)
    infoOf(doc).set('createdAt', now)
  }, origins.local)
}

/** Records a meeting in the committee (or refreshes its title and date). */
export function registerMeeting(doc: Y.Doc, meeting: CommitteeMeeting): void {
  const valid = committeeMeetingSchema.parse(meeting)
  doc.transact(() => {
    const existing = meetingsOf(doc).get(valid.id)
    if (existing instanceof Y.Map) {
      existing.set('title', valid.title)
      existing.set('date', valid.date)
    } else {
      const { id, ...fields } = valid
      meetingsOf(doc).set(id, mapOf(fields))
    }
  }, origins.local)
}

export function saveTemplate(
  doc: Y.Doc,
  name: string,
  steps: StepDraft[],
  now = Date.now(),
): string {
  const id = newId()
  const valid = templateSchema.parse({ id, name, steps, createdAt: now })
  doc.transact(() => {
    templatesOf(doc).set(id, mapOf({ name: valid.name, steps: valid.steps, createdAt: now }))
  }, origins.local)
  return id
}

export function deleteTemplate(doc: Y.Doc, id: string): void {
  doc.transact(() => templatesOf(doc).delete(id), origins.local)
}
