/**
 * The committee document: what belongs to the committee rather than to one meeting — the list
 * of its meetings (with their keys, sealed under the committee's own key so that any
 * coordinator device that holds the committee link can open them all, and the relay's copy of
 * this document opens none: `src/links/sealedKey.ts`), and its trame templates. The follow-up of proposals will live here too.
 * Shared by the coordinator's devices only; a separate Yjs document with its own link
 * (`#/comite/<writeKey>`), synced by the same relay like any meeting.
 *
 *   committee  Y.Map   schemaVersion, name, createdAt
 *   meetings   Y.Map   roomId → Y.Map { title, date, sealedKey, createdAt }
 *                      (older versions wrote `writeKey` in clear: still read, and sealed by
 *                      `sealPlainKeys` when a coordinator device opens the committee)
 *   templates  Y.Map   templateId → Y.Map { name, steps: StepDraft[], createdAt }
 *
 * The idea bank (Angers: ideas, axes, sieve, vote by collège, chantiers) has its own roots, all
 * named `idea…`, read and written only by ideas.ts: ideas, ideaBin, ideaAxes, ideaCriteria,
 * ideaAxisOf, ideaGroups, ideaGroupOf, ideaSieve, ideaSieveNotes, ideaVotes, ideaVoteSettings,
 * ideaProjects (layout and merge rules in ideas.ts and docs/protocol.md).
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { keySchema, type CapabilityKey } from '../links/capability'
import { openSealedKey, sealedKeySchema, sealKey, type SealingKey } from '../links/sealedKey'
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
/** A meeting of the committee, with the key that opens it (opened: never stored like this). */
export type CommitteeMeeting = z.infer<typeof committeeMeetingSchema>

/** A meeting's entry as stored: its key sealed, or in clear if an older version wrote it. */
const storedMeetingSchema = committeeMeetingSchema
  .omit({ writeKey: true })
  .extend({ sealedKey: sealedKeySchema.optional(), writeKey: keySchema.optional() })
type StoredMeeting = z.infer<typeof storedMeetingSchema>

/** Keys already opened, per committee: the committee is re-read on every change to it. */
const opened = new WeakMap<SealingKey, Map<string, CapabilityKey | null>>()

/** The entry's key: unsealed, or as an older version left it in clear; null if it opens nothing. */
function keyOf(entry: StoredMeeting, sealing: SealingKey): CapabilityKey | null {
  if (entry.sealedKey === undefined) return entry.writeKey ?? null
  let cache = opened.get(sealing)
  if (!cache) opened.set(sealing, (cache = new Map()))
  const cacheKey = `${entry.id}:${entry.sealedKey}`
  if (!cache.has(cacheKey)) cache.set(cacheKey, openSealedKey(sealing, entry.sealedKey, entry.id))
  return cache.get(cacheKey)!
}

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

/** The committee, its meetings' keys opened with `sealing` (entries that do not open are skipped). */
export function readCommittee(doc: Y.Doc, sealing: SealingKey): Committee {
  const name = infoOf(doc).get('name')
  return {
    name: typeof name === 'string' ? name.slice(0, COMMITTEE_NAME_MAX) : '',
    meetings: validEntries(meetingsOf(doc), storedMeetingSchema)
      .flatMap((entry) => {
        const writeKey = keyOf(entry, sealing)
        const { id, title, date, createdAt } = entry
        return writeKey === null ? [] : [{ id, title, date, writeKey, createdAt }]
      })
      .sort(
        (a, b) =>
          b.date.localeCompare(a.date) || b.createdAt - a.createdAt || compareIds(a.id, b.id),
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

/**
 * Records a meeting in the committee (or refreshes its title and date), its key sealed with
 * `sealing`: the key itself is never written into the document.
 */
export function registerMeeting(doc: Y.Doc, meeting: CommitteeMeeting, sealing: SealingKey): void {
  const valid = committeeMeetingSchema.parse(meeting)
  doc.transact(() => {
    const existing = meetingsOf(doc).get(valid.id)
    if (existing instanceof Y.Map) {
      existing.set('title', valid.title)
      existing.set('date', valid.date)
    } else {
      const { id, writeKey, ...fields } = valid
      meetingsOf(doc).set(id, mapOf({ ...fields, sealedKey: sealKey(sealing, writeKey, id) }))
    }
  }, origins.local)
}

/**
 * Seals the keys an older version wrote in clear (migration; one transaction, nothing if there
 * is none). The clear value is deleted from the document, so it leaves the relay's disk when the
 * relay next compacts the committee's file (at the latest when it unloads the committee).
 */
export function sealPlainKeys(doc: Y.Doc, sealing: SealingKey): void {
  const plain: Array<[Y.Map<unknown>, CapabilityKey, string]> = []
  meetingsOf(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return
    const writeKey = keySchema.safeParse(entry.get('writeKey'))
    if (writeKey.success) plain.push([entry, writeKey.data, id])
  })
  if (plain.length === 0) return
  doc.transact(() => {
    for (const [entry, writeKey, id] of plain) {
      // A sealed key already there (another device migrated at once) is kept as it is.
      if (!sealedKeySchema.safeParse(entry.get('sealedKey')).success)
        entry.set('sealedKey', sealKey(sealing, writeKey, id))
      entry.delete('writeKey')
    }
  }, origins.presence)
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
