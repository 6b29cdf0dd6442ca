/**
 * Where things are in a meeting document: the names of the root types and how entities are
 * keyed. Every module of `src/doc` reaches the document through these accessors, so the layout
 * is written down once (and in docs/protocol.md, section 4).
 *
 *   meta        Y.Map   schemaVersion, title, date, createdAt
 *   script      Y.Map   stepId → Y.Map (the trame: see script.ts)
 *   ateliers    Y.Map   atelierId → Y.Map (name, progress, timer, keyCheck: see ateliers.ts)
 *   proposals   Y.Map   proposalId → Y.Map (see proposals.ts)
 *   notes       Y.Map   "<atelierId>|<stepId>|<questionId>" → Y.Text (see notes.ts)
 *   attendance  Y.Map   "<atelierId>|<college>|<clientId>" → number (see attendance.ts)
 *   devices     Y.Map   deviceId → { kind, atelierId, lastSyncedAt } (see devices.ts)
 *   plenary     Y.Map   screen, spotlight: what the projector shows (see plenary.ts)
 *   groups      Y.Map   groupId → Y.Map { text, createdAt } (see grouping.ts)
 *   groupMembers Y.Map  proposalId → groupId | null: a proposal is in one group at most
 *   votes       Y.Map   "<itemId>|<bucket>|<counterId>" → { count, at } (see votes.ts)
 *   voteSettings Y.Map  mode, "weight.<college>"
 *   retained    Y.Map   itemId → retainedAt | null: "retenue en plénière"
 *   followUpDigest Y.Map "entries" → earlier proposals' status, for the opening (followUpDigest.ts)
 *
 * Flat maps keyed by id: concurrent creations on several tablets never collide, and keys that
 * only one device ever writes (attendance) never conflict at all.
 */
import * as Y from 'yjs'
import type { z } from 'zod'
import { noteSkipped, readEntity } from './untrusted'

export const ROOT = {
  meta: 'meta',
  script: 'script',
  ateliers: 'ateliers',
  proposals: 'proposals',
  notes: 'notes',
  attendance: 'attendance',
  devices: 'devices',
  plenary: 'plenary',
  groups: 'groups',
  groupMembers: 'groupMembers',
  votes: 'votes',
  voteSettings: 'voteSettings',
  retained: 'retained',
  followUpDigest: 'followUpDigest',
} as const

export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.meta)
export const scriptOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ROOT.script)
export const ateliersOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ROOT.ateliers)
export const proposalsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ROOT.proposals)
export const notesOf = (doc: Y.Doc) => doc.getMap<Y.Text>(ROOT.notes)
export const attendanceOf = (doc: Y.Doc) => doc.getMap<number>(ROOT.attendance)
export const devicesOf = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.devices)
export const plenaryOf = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.plenary)
export const groupsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ROOT.groups)
export const groupMembersOf = (doc: Y.Doc) => doc.getMap<string | null>(ROOT.groupMembers)
export const votesOf = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.votes)
export const voteSettingsOf = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.voteSettings)
export const followUpDigestOf = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.followUpDigest)
export const retainedOf = (doc: Y.Doc) => doc.getMap<number | null>(ROOT.retained)

export function mapOf(values: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(values)) if (value !== undefined) map.set(key, value)
  return map
}

/**
 * The fields a patch names, validated by `schema` (a partial object schema). Only the keys the
 * caller gave come out: zod fills a missing key that has a `.default()` even through
 * `.partial()`, and writing that default would erase what an earlier edit — of another field, or
 * on another device — wrote there.
 */
export function patchEntries(schema: z.ZodType<object>, patch: object): Array<[string, unknown]> {
  const valid = schema.parse(patch) as Record<string, unknown>
  return Object.entries(valid).filter(
    ([key]) => Object.hasOwn(patch, key) && (patch as Record<string, unknown>)[key] !== undefined,
  )
}

/**
 * Entries of an id-keyed map of Y.Maps that pass `schema` (its `id` field checks the key); the
 * others (corrupt, hostile, newer) are skipped and counted. Only the schema's fields are read.
 */
export function validEntries<S extends z.ZodObject>(
  map: Y.Map<Y.Map<unknown>>,
  schema: S,
): Array<z.infer<S>> {
  const out: Array<z.infer<S>> = []
  let skipped = 0
  map.forEach((entry, id) => {
    const parsed = entry instanceof Y.Map ? readEntity(schema, entry, { id }) : null
    if (parsed === null) skipped += 1
    else out.push(parsed)
  })
  noteSkipped(map, skipped)
  return out
}

/** Total order used everywhere so every device lists things identically. */
export function byPosition<T extends { position: number; id: string }>(a: T, b: T): number {
  return a.position - b.position || compareIds(a.id, b.id)
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The new position of the item at `index` moved one place up (−1) or down (+1) in `list`
 * (sorted by position): between its new neighbours, so a concurrent move elsewhere stays valid.
 * `null` when it is already at that end.
 */
export function positionAfterMove(
  list: ReadonlyArray<{ position: number }>,
  index: number,
  direction: -1 | 1,
): number | null {
  const target = index + direction
  if (index < 0 || target < 0 || target >= list.length) return null
  const neighbour = list[target]!.position
  const beyond = list[target + direction]
  return beyond === undefined ? neighbour + direction : (neighbour + beyond.position) / 2
}
