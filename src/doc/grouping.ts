/**
 * Grouping similar proposals, and the restitution wall they make. Shared data.
 *
 *   groups        Y.Map  groupId → Y.Map { text (the common wording), createdAt }
 *   groupMembers  Y.Map  proposalId → groupId | null
 *
 * Membership lives on the proposal's side, one value under the proposal's own id: a proposal is
 * in one group at most by construction, whatever two coordinator devices do at the same moment
 * (of two concurrent groupings of one proposal, Yjs keeps one, the same on every device). A
 * group with fewer than two proposals on the wall is not a group: its proposal shows on its own.
 * So no proposal is ever lost or shown twice. Ungrouping clears the membership of the group's
 * proposals, which show again on their own with their original text: the group never altered
 * them (its wording is its own, beside theirs).
 *
 * The wall shows, for every atelier that has transmitted ("Transmettre à la plénière"), its
 * validated proposals. An atelier that has not transmitted shows none: what goes to the room is
 * the group's decision, made by that tap, never a draft on the rapporteur's tablet. Its card
 * says where it stands and when it was last heard of, so the room knows something is coming.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import type { Atelier } from './ateliers'
import { newId } from './ids'
import { compareIds, groupMembersOf, groupsOf, mapOf, proposalsOf, validEntries } from './layout'
import { origins } from './origins'
import { createDebateNote } from './plenary'
import { PROPOSAL_MAX, type Proposal } from './proposals'
import { changedAfterTransmission } from './rules'
import { entityIdSchema, idRecord, isEntityId, noteSkipped, timestampSchema } from './untrusted'

export const groupSchema = z.object({
  id: entityIdSchema,
  text: z.string().max(PROPOSAL_MAX),
  createdAt: timestampSchema,
})
export type Group = z.infer<typeof groupSchema>

export interface Grouping {
  /** Every group ever made, oldest first; those with fewer than two members show as single. */
  groups: Group[]
  /** proposalId → groupId, for proposals in a group (a record without prototype). */
  membership: Record<string, string>
}

export function readGrouping(doc: Y.Doc): Grouping {
  const groups = validEntries(groupsOf(doc), groupSchema).sort(
    (a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id),
  )
  const membership = idRecord<string>()
  let skipped = 0
  groupMembersOf(doc).forEach((groupId, proposalId) => {
    if (groupId === null) return
    if (isEntityId(groupId) && isEntityId(proposalId)) membership[proposalId] = groupId
    else skipped += 1
  })
  noteSkipped(groupMembersOf(doc), skipped)
  return { groups, membership }
}

const wordingSchema = z.string().trim().min(1).max(PROPOSAL_MAX)

/**
 * Groups proposals under one common wording; returns the new group's id. A proposal that was in
 * another group leaves it. The group gets its debate note in the same transaction.
 */
export function groupProposals(
  doc: Y.Doc,
  proposalIds: string[],
  text: string,
  now = Date.now(),
): string {
  const ids = [...new Set(proposalIds)]
  if (ids.length < 2) throw new Error('a group needs at least two proposals')
  for (const id of ids) if (!proposalsOf(doc).has(id)) throw new Error(`unknown proposal ${id}`)
  const wording = wordingSchema.parse(text)
  const groupId = newId()
  doc.transact(() => {
    groupsOf(doc).set(groupId, mapOf({ text: wording, createdAt: now }))
    createDebateNote(doc, groupId)
    for (const id of ids) groupMembersOf(doc).set(id, groupId)
  }, origins.local)
  return groupId
}

/** Takes one proposal out of its group: it shows on its own again. */
export function leaveGroup(doc: Y.Doc, proposalId: string): void {
  doc.transact(() => groupMembersOf(doc).set(proposalId, null), origins.local)
}

/** Undoes a grouping: each of its proposals shows on its own again, with its own text. */
export function ungroup(doc: Y.Doc, groupId: string): void {
  doc.transact(() => {
    const members = groupMembersOf(doc)
    members.forEach((value, proposalId) => {
      if (value === groupId) members.set(proposalId, null)
    })
  }, origins.local)
}

export function rewordGroup(doc: Y.Doc, groupId: string, text: string): void {
  const wording = wordingSchema.parse(text)
  doc.transact(() => {
    const map = groupsOf(doc).get(groupId)
    if (!map) throw new Error(`unknown group ${groupId}`)
    map.set('text', wording)
  }, origins.local)
}

// ── The wall ────────────────────────────────────────────────────────────────────────────────

/** On the wall: validated, not in the bin, from an atelier of the evening that transmitted. */
export function isOnWall(proposal: Proposal, atelier: Atelier | undefined): boolean {
  return (
    atelier !== undefined &&
    atelier.removedAt === null &&
    atelier.transmittedAt !== null &&
    proposal.validated &&
    proposal.deletedAt === null
  )
}

export interface WallProposal {
  proposal: Proposal
  atelier: Atelier
  /** Changed since its atelier transmitted: the room must see it. */
  changed: boolean
}

/** One thing the room reads, debates and votes on: a proposal on its own, or a group. */
export interface WallItem {
  kind: 'proposal' | 'group'
  /** The proposal's id, or the group's. Votes, spotlight, notes and retention are keyed by it. */
  id: string
  /** The proposal's text, or the group's common wording. */
  text: string
  /** The proposal itself, or the group's proposals (each with its atelier and original text). */
  origins: WallProposal[]
  changed: boolean
}

export interface WallAtelier {
  atelier: Atelier
  transmitted: boolean
  /** Its proposals shown on their own, in the atelier's order. */
  items: WallItem[]
  /** How many of its proposals on the wall are shown inside a group. */
  groupedCount: number
  /** Proposals added, edited, validated, unvalidated or binned since it transmitted. */
  changesSinceTransmission: number
  /** The last news of this atelier that reached this device (ms), or `null`. */
  lastSeenAt: number | null
}

export interface Wall {
  ateliers: WallAtelier[]
  /** Groups of two proposals or more, oldest first. */
  groups: WallItem[]
  /** Every item exactly once: each atelier's own items in order, then the groups. */
  items: WallItem[]
  transmittedCount: number
}

export interface WallInput {
  /** The ateliers of the evening, in order. */
  ateliers: Atelier[]
  /** All proposals, in list order. */
  proposals: Proposal[]
  grouping: Grouping
}

/**
 * The restitution wall. `presence` (atelierId → ms) adds what devices report of themselves to
 * each atelier's own activity (its step timer, its transmission, its proposals' changes) for
 * "last seen": the freshest of all is when the room last heard of that atelier.
 */
export function buildWall(input: WallInput, presence: Record<string, number> = {}): Wall {
  const atelierIndex = new Map(input.ateliers.map((atelier, index) => [atelier.id, index]))
  const atelierOf = (proposal: Proposal) =>
    atelierIndex.has(proposal.atelierId)
      ? input.ateliers[atelierIndex.get(proposal.atelierId)!]
      : undefined
  const onWall: WallProposal[] = []
  for (const proposal of input.proposals) {
    const atelier = atelierOf(proposal)
    if (atelier && isOnWall(proposal, atelier))
      onWall.push({ proposal, atelier, changed: changedAfterTransmission(proposal, atelier) })
  }

  // One entity per id: votes, notes, spotlight and retention are keyed by a wall item's id, so
  // a group written under a proposal's id (no device makes one) is left out, not merged with it.
  const proposalIds = new Set(input.proposals.map((proposal) => proposal.id))
  const validGroups = input.grouping.groups.filter((group) => !proposalIds.has(group.id))
  const groupIds = new Set(validGroups.map((group) => group.id))
  const membersOf = new Map<string, WallProposal[]>()
  for (const entry of onWall) {
    const groupId = Object.hasOwn(input.grouping.membership, entry.proposal.id)
      ? input.grouping.membership[entry.proposal.id]!
      : undefined
    if (groupId === undefined || !groupIds.has(groupId)) continue
    const members = membersOf.get(groupId)
    if (members) members.push(entry)
    else membersOf.set(groupId, [entry])
  }
  const groups: WallItem[] = []
  const grouped = new Set<string>()
  for (const group of validGroups) {
    const members = membersOf.get(group.id) ?? []
    if (members.length < 2) continue
    members.sort(
      (a, b) =>
        atelierIndex.get(a.atelier.id)! - atelierIndex.get(b.atelier.id)! ||
        a.proposal.position - b.proposal.position ||
        compareIds(a.proposal.id, b.proposal.id),
    )
    for (const member of members) grouped.add(member.proposal.id)
    groups.push({
      kind: 'group',
      id: group.id,
      text: group.text,
      origins: members,
      changed: members.some((member) => member.changed),
    })
  }

  // Bucketed once: a filter per atelier costs ateliers × proposals, which a document may inflate.
  const onWallOf = bucket(onWall, (entry) => entry.atelier.id)
  const proposalsByAtelier = bucket(input.proposals, (proposal) => proposal.atelierId)
  const ateliers = input.ateliers.map((atelier): WallAtelier => {
    const own = onWallOf.get(atelier.id) ?? []
    const proposals = proposalsByAtelier.get(atelier.id) ?? []
    return {
      atelier,
      transmitted: atelier.transmittedAt !== null,
      items: own
        .filter((entry) => !grouped.has(entry.proposal.id))
        .map((entry) => ({
          kind: 'proposal',
          id: entry.proposal.id,
          text: entry.proposal.text,
          origins: [entry],
          changed: entry.changed,
        })),
      groupedCount: own.filter((entry) => grouped.has(entry.proposal.id)).length,
      changesSinceTransmission: proposals.filter((proposal) =>
        changedAfterTransmission(proposal, atelier),
      ).length,
      lastSeenAt: lastNews(
        atelier,
        proposals,
        Object.hasOwn(presence, atelier.id) ? presence[atelier.id] : undefined,
      ),
    }
  })

  return {
    ateliers,
    groups,
    items: [...ateliers.flatMap((entry) => entry.items), ...groups],
    transmittedCount: ateliers.filter((entry) => entry.transmitted).length,
  }
}

function bucket<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of list) {
    const existing = out.get(key(item))
    if (existing) existing.push(item)
    else out.set(key(item), [item])
  }
  return out
}

/** The latest of these moments, or `null`. A loop: 70,000 proposals overflow `Math.max(...)`. */
function lastNews(atelier: Atelier, proposals: Proposal[], seen: number | undefined) {
  let latest: number | null = null
  const consider = (time: number | null | undefined) => {
    if (typeof time === 'number' && (latest === null || time > latest)) latest = time
  }
  consider(atelier.startedAt)
  consider(atelier.timer?.startedAt)
  consider(atelier.transmittedAt)
  consider(seen)
  for (const proposal of proposals) {
    consider(proposal.createdAt)
    consider(proposal.updatedAt)
  }
  return latest
}
