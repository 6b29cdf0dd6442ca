/**
 * The committee document: what belongs to the committee rather than to one meeting — the list
 * of its meetings (with their keys, sealed under the committee's own key so that any
 * coordinator device that holds the committee link can open them all, and the relay's copy of
 * this document opens none: `src/links/sealedKey.ts`), its trame templates, and its migrations.
 * The tableau de suivi (`followUp.ts`) and the idea bank (`ideaBank.ts` and its neighbours) live
 * in the same document; every root is named in `committeeLayout.ts`.
 * Shared by the coordinator's devices only; a separate Yjs document with its own link
 * (`#/comite/<writeKey>`), synced by the same relay like any meeting.
 *
 *   committee  Y.Map   schemaVersion, name, createdAt
 *   meetings   Y.Map   roomId → Y.Map { title, date, sealedKey, createdAt }
 *                      (older versions wrote `writeKey` in clear: still read, and sealed by
 *                      `migrateCommittee` when a coordinator device opens the committee)
 *   templates  Y.Map   templateId → Y.Map { name, steps: StepDraft[], createdAt }
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { keySchema, type CapabilityKey } from '../links/capability'
import { openSealedKey, sealedKeySchema, sealKey, type SealingKey } from '../links/sealedKey'
import { committeeInfoOf, committeeMeetingsOf, templatesOf } from './committeeLayout'
import { newId } from './ids'
import { compareIds, mapOf, validEntries } from './layout'
import { origins } from './origins'
import { stepDraftSchema, type StepDraft } from './script'
import { entityIdSchema, isoDateSchema, timestampSchema } from './untrusted'

/** Bumped when the layout changes; `migrateCommittee` brings older documents up to date. */
export const COMMITTEE_SCHEMA_VERSION = 1
const COMMITTEE_NAME_MAX = 120

/**
 * The steps from one layout to the next, keyed by the version each one leaves: `steps[1]` turns
 * a version-1 committee into a version-2 one. A committee lives for years, so every step stays.
 * Version 1 is the first layout: none yet.
 */
export type CommitteeMigrations = Readonly<Record<number, (doc: Y.Doc) => void>>
const COMMITTEE_MIGRATIONS: CommitteeMigrations = {}

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
  return typeof committeeInfoOf(doc).get('schemaVersion') === 'number'
}

/** The committee, its meetings' keys opened with `sealing` (entries that do not open are skipped). */
export function readCommittee(doc: Y.Doc, sealing: SealingKey): Committee {
  const name = committeeInfoOf(doc).get('name')
  return {
    name: typeof name === 'string' ? name.slice(0, COMMITTEE_NAME_MAX) : '',
    meetings: validEntries(committeeMeetingsOf(doc), storedMeetingSchema)
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
    committeeInfoOf(doc).set('schemaVersion', COMMITTEE_SCHEMA_VERSION)
    committeeInfoOf(doc).set('name', valid)
    committeeInfoOf(doc).set('createdAt', now)
  }, origins.local)
}

/**
 * Records a meeting in the committee (or refreshes its title and date), its key sealed with
 * `sealing`: the key itself is never written into the document.
 */
export function registerMeeting(doc: Y.Doc, meeting: CommitteeMeeting, sealing: SealingKey): void {
  const valid = committeeMeetingSchema.parse(meeting)
  doc.transact(() => {
    const existing = committeeMeetingsOf(doc).get(valid.id)
    if (existing instanceof Y.Map) {
      existing.set('title', valid.title)
      existing.set('date', valid.date)
    } else {
      const { id, writeKey, ...fields } = valid
      committeeMeetingsOf(doc).set(
        id,
        mapOf({ ...fields, sealedKey: sealKey(sealing, writeKey, id) }),
      )
    }
  }, origins.local)
}

/**
 * Brings a committee written by an older version of the app up to date, in one transaction:
 * each step from its version to `target`, in order, then the version. A newer committee is left
 * as it is. Then the repairs that hold at every version: keys written in clear are sealed (a
 * device of an older version may still write one). Run on every open and change.
 */
export function migrateCommittee(
  doc: Y.Doc,
  sealing: SealingKey,
  steps: CommitteeMigrations = COMMITTEE_MIGRATIONS,
  target = COMMITTEE_SCHEMA_VERSION,
): void {
  const version = committeeInfoOf(doc).get('schemaVersion')
  if (typeof version === 'number' && Number.isInteger(version) && version < target)
    doc.transact(() => {
      for (let from = Math.max(version, 1); from < target; from += 1) steps[from]?.(doc)
      committeeInfoOf(doc).set('schemaVersion', target)
    }, origins.presence)
  sealPlainKeys(doc, sealing)
}

/**
 * Seals the keys an older version wrote in clear (migration; one transaction, nothing if there
 * is none). The clear value is deleted from the document, so it leaves the relay's disk when the
 * relay next compacts the committee's file (at the latest when it unloads the committee).
 */
function sealPlainKeys(doc: Y.Doc, sealing: SealingKey): void {
  const plain: Array<[Y.Map<unknown>, CapabilityKey, string]> = []
  committeeMeetingsOf(doc).forEach((entry, id) => {
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
