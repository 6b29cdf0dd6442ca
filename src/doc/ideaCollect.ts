/**
 * Collecting ideas into the bank: typed or pasted (one per line), copied from paper forms,
 * collected at an event, or sent from a meeting; edited, put in the bin and restored.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { ideaAxisOfMap, ideaBinOf, ideasOf, isKeyPart } from './committeeLayout'
import { checkAxis } from './ideaAxes'
import {
  IDEA_MAX,
  ideaSchema,
  isoDateOrEmpty,
  LABEL_MAX,
  sourceSchema,
  type IdeaSourceInput,
} from './ideaBank'
import { newId } from './ids'
import { origins } from './origins'

/** One paste of a whole stack of paper forms, at most. */
export const ADD_MAX = 2000

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
      if (axisId !== null) ideaAxisOfMap(doc).set(ids[index]!, axisId)
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
      if (!text.success || !isKeyPart(proposal.proposalId)) continue
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
    for (const id of ideaIds) if (ideasOf(doc).has(id)) ideaBinOf(doc).set(id, now)
  }, origins.local)
}

export function restoreIdea(doc: Y.Doc, ideaId: string): void {
  doc.transact(() => ideaBinOf(doc).set(ideaId, null), origins.local)
}
