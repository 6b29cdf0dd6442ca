/**
 * Where things are in the committee document: the names of its root types and how entities are
 * keyed. Every module that reads or writes the committee document goes through these accessors,
 * as meeting modules go through `layout.ts` (and docs/protocol.md, section 4, says the same).
 * Unlike a meeting, a committee lives for years: `committeeDoc.ts` migrates older layouts.
 *
 *   committee        Y.Map  schemaVersion, name, createdAt                     (committeeDoc.ts)
 *   meetings         Y.Map  roomId → Y.Map { title, date, sealedKey, createdAt } (committeeDoc.ts)
 *   templates        Y.Map  templateId → Y.Map { name, steps, createdAt }      (committeeDoc.ts)
 *   followUp         Y.Map  "<meetingId>:<itemId>" → entry of the tableau de suivi (followUp.ts)
 *   followUpHistory  Y.Map  "<entryId>|<changeId>" → { status, at, comment, owner } (followUp.ts)
 *
 * The idea bank (the Angers pattern), all named `idea…`:
 *
 *   ideas            Y.Map  ideaId → { text, source, createdAt, updatedAt }    (ideaBank.ts)
 *   ideaBin          Y.Map  ideaId → removedAt (ms) | null                     (ideaCollect.ts)
 *   ideaAxes         Y.Map  "<axisId>|name" → string, "<axisId>|position" → number,
 *                           "<axisId>|removedAt" → ms | null                  (ideaAxes.ts)
 *   ideaCriteria     Y.Map  the same for criteria, plus "<criterionId>|question" → string
 *   ideaAxisOf       Y.Map  itemId → axisId | null         (an item: an idea or a group)
 *   ideaGroups       Y.Map  groupId → { text, createdAt }   (duplicates: ideaGroups.ts)
 *   ideaGroupOf      Y.Map  ideaId → groupId | null
 *   ideaSieve        Y.Map  "<itemId>|<criterionId>" → "yes" | "no" | "maybe" | null (ideaSieve.ts)
 *   ideaSieveNotes   Y.Map  "<itemId>|<criterionId>" → string (the short justification)
 *   ideaVotes        Y.Map  "<itemId>|<college>|<counterId>" → { count, at }  (ideaVotes.ts)
 *   ideaVoteSettings Y.Map  "weight.<college>" → number
 *   ideaProjects     Y.Map  itemId → selectedAt (ms): chosen as a chantier    (ideaProjects.ts)
 */
import type * as Y from 'yjs'

export const COMMITTEE_ROOT = {
  committee: 'committee',
  meetings: 'meetings',
  templates: 'templates',
  followUp: 'followUp',
  followUpHistory: 'followUpHistory',
  ideas: 'ideas',
  ideaBin: 'ideaBin',
  ideaAxes: 'ideaAxes',
  ideaCriteria: 'ideaCriteria',
  ideaAxisOf: 'ideaAxisOf',
  ideaGroups: 'ideaGroups',
  ideaGroupOf: 'ideaGroupOf',
  ideaSieve: 'ideaSieve',
  ideaSieveNotes: 'ideaSieveNotes',
  ideaVotes: 'ideaVotes',
  ideaVoteSettings: 'ideaVoteSettings',
  ideaProjects: 'ideaProjects',
} as const

export const committeeInfoOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.committee)
export const committeeMeetingsOf = (doc: Y.Doc) =>
  doc.getMap<Y.Map<unknown>>(COMMITTEE_ROOT.meetings)
export const templatesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(COMMITTEE_ROOT.templates)
export const followUpOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.followUp)
export const followUpHistoryOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.followUpHistory)
export const ideasOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideas)
export const ideaBinOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaBin)
export const ideaAxesOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaAxes)
export const ideaCriteriaOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaCriteria)
/** itemId → axisId. */
export const ideaAxisOfMap = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaAxisOf)
export const ideaGroupsOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaGroups)
/** ideaId → groupId. */
export const ideaGroupOfMap = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaGroupOf)
export const ideaSieveOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaSieve)
export const ideaSieveNotesOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaSieveNotes)
export const ideaVotesOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaVotes)
export const ideaVoteSettingsOf = (doc: Y.Doc) =>
  doc.getMap<unknown>(COMMITTEE_ROOT.ideaVoteSettings)
export const ideaProjectsOf = (doc: Y.Doc) => doc.getMap<unknown>(COMMITTEE_ROOT.ideaProjects)

/** A part of a "|"-joined key: anything but the separator. */
const KEY_PART = /^[^|]+$/

export const isKeyPart = (id: string) => KEY_PART.test(id)

/** Refuses ids that would break a "|"-joined key. */
export function checkKeyParts(...ids: string[]): void {
  for (const id of ids) if (!isKeyPart(id)) throw new Error(`bad id ${id}`)
}
