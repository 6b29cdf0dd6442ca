/**
 * Chantiers: the items the committee chooses from the vote by collège, marked in the bank and
 * added to the tableau de suivi (`followUp.ts`) as retained by the "Banque d'idées".
 */
import type * as Y from 'yjs'
import { checkKeyParts, ideaProjectsOf } from './committeeLayout'
import { recordRetained } from './followUp'
import { origins } from './origins'
import { isoDay } from '../text/formatDate'

/** Where the chantiers come from, in the tableau de suivi (its `meetingId` and title). */
export const IDEA_BANK_MEETING = { id: 'banque-idees', title: 'Banque d’idées' } as const

export interface ProjectChoice {
  itemId: string
  /** The chantier's wording: the idea's text or the group's. */
  text: string
  /** What the tableau de suivi shows as its origin: the axis, then the ideas' sources. */
  origins: string[]
}

/**
 * Chooses chantiers: marks them in the bank and adds them to the tableau de suivi (as retained
 * by the "Banque d'idées", dated today), in one transaction. Choosing again changes nothing.
 */
export function selectProjects(
  doc: Y.Doc,
  choices: readonly ProjectChoice[],
  now = Date.now(),
): void {
  checkKeyParts(...choices.map((choice) => choice.itemId))
  const date = isoDay(now)
  doc.transact(() => {
    const fresh = choices.filter(
      (choice) => typeof ideaProjectsOf(doc).get(choice.itemId) !== 'number',
    )
    for (const choice of fresh) ideaProjectsOf(doc).set(choice.itemId, now)
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
