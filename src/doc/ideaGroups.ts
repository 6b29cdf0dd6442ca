/**
 * Duplicates: ideas that say the same thing, grouped under one wording, each keeping its own
 * text and source. A group is sorted, sieved and voted on as one item; group membership is one
 * value per idea, so an idea is in one group at most.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import {
  ideaAxisOfMap,
  ideaGroupOfMap,
  ideaGroupsOf,
  ideaSieveNotesOf,
  ideaSieveOf,
} from './committeeLayout'
import { groupSchema, IDEA_MAX, readIdeaBank } from './ideaBank'
import { newId } from './ids'
import { origins } from './origins'

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
      ideaGroupsOf(doc).set(groupId, { text, createdAt: now })
      const axisId = ids.map((id) => itemOf.get(id)!.axisId).find((axis) => axis !== null)
      if (axisId) ideaAxisOfMap(doc).set(groupId, axisId)
      const sieved = ids
        .map((id) => itemOf.get(id)!)
        .find((item) => Object.keys(item.answers).length > 0)
      if (sieved) {
        for (const [criterionId, answer] of Object.entries(sieved.answers))
          ideaSieveOf(doc).set(`${groupId}|${criterionId}`, answer)
        for (const [criterionId, note] of Object.entries(sieved.notes))
          ideaSieveNotesOf(doc).set(`${groupId}|${criterionId}`, note)
      }
    }
    for (const id of ids) ideaGroupOfMap(doc).set(id, groupId)
  }, origins.local)
  return groupId
}

/** Takes one idea out of its group: it shows on its own again, with its own axis and answers. */
export function leaveIdeaGroup(doc: Y.Doc, ideaId: string): void {
  doc.transact(() => ideaGroupOfMap(doc).set(ideaId, null), origins.local)
}

/** Undoes a group: each of its ideas shows on its own again. */
export function ungroupIdeas(doc: Y.Doc, groupId: string): void {
  doc.transact(() => {
    ideaGroupOfMap(doc).forEach((value, ideaId) => {
      if (value === groupId) ideaGroupOfMap(doc).set(ideaId, null)
    })
  }, origins.local)
}

export function rewordIdeaGroup(doc: Y.Doc, groupId: string, wording: string): void {
  const text = wordingSchema.parse(wording)
  const current = groupSchema.safeParse(ideaGroupsOf(doc).get(groupId))
  if (!current.success) throw new Error(`unknown group ${groupId}`)
  doc.transact(() => ideaGroupsOf(doc).set(groupId, { ...current.data, text }), origins.local)
}
