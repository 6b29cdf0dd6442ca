/**
 * The plenary as the room sees it on the projector, driven from the coordinator's device(s):
 * which screen is shown (the opening sequence, the restitution wall, the ranking) and what is
 * enlarged while a rapporteur speaks; and the debate notes the coordinator types per proposal
 * or group. Shared data: every device sees the same; the projector only reads it.
 *
 *   plenary  Y.Map  screen: PlenaryScreen, spotlight: Spotlight | null
 *   notes    Y.Map  "debate|<itemId>" → Y.Text   (beside the atelier notes, see notes.ts)
 *
 * Each setting is one key holding one whole value: of two coordinator devices pressing at the
 * same moment, Yjs keeps the same press on every device. "Suivant" writes the screen after the
 * one shown, never an increment, so two presses of "Suivant" at once move one screen, not two.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { notesOf, plenaryOf } from './layout'
import { origins } from './origins'
import { entityIdSchema } from './untrusted'

/** The opening sequence, then the restitution. The projector shows exactly one of these. */
export const PLENARY_SCREENS = [
  'howItWorks',
  'followUp',
  'theme',
  'ateliers',
  'wall',
  'ranking',
] as const
export type PlenaryScreen = (typeof PLENARY_SCREENS)[number]
export const OPENING_SCREENS: readonly PlenaryScreen[] = PLENARY_SCREENS.slice(0, 4)

/**
 * Before the coordinator touches the plenary controls the projector shows the wall: the
 * projection link works with no one driving it (every atelier's progress, then its proposals),
 * and starting the opening sequence is one tap.
 */
export const DEFAULT_SCREEN: PlenaryScreen = 'wall'

/** What the projector enlarges on the wall: one atelier, or one wall item (proposal or group). */
export const spotlightSchema = z.object({
  kind: z.enum(['atelier', 'item']),
  id: entityIdSchema,
})
export type Spotlight = z.infer<typeof spotlightSchema>

export interface PlenaryState {
  screen: PlenaryScreen
  spotlight: Spotlight | null
}

const screenSchema = z.enum(PLENARY_SCREENS)

export function readPlenary(doc: Y.Doc): PlenaryState {
  const map = plenaryOf(doc)
  const screen = screenSchema.safeParse(map.get('screen'))
  const spotlight = spotlightSchema.safeParse(map.get('spotlight'))
  return {
    screen: screen.success ? screen.data : DEFAULT_SCREEN,
    spotlight: spotlight.success ? spotlight.data : null,
  }
}

export function setScreen(doc: Y.Doc, screen: PlenaryScreen): void {
  const valid = screenSchema.parse(screen)
  doc.transact(() => plenaryOf(doc).set('screen', valid), origins.local)
}

/** The screen before (−1) or after (+1) `screen`; `null` at either end. */
export function neighbourScreen(screen: PlenaryScreen, direction: -1 | 1): PlenaryScreen | null {
  return PLENARY_SCREENS[PLENARY_SCREENS.indexOf(screen) + direction] ?? null
}

/** "Précédent" / "Suivant" from the screen this device shows. */
export function stepScreen(doc: Y.Doc, from: PlenaryScreen, direction: -1 | 1): void {
  const next = neighbourScreen(from, direction)
  if (next !== null) setScreen(doc, next)
}

/**
 * Enlarges an atelier or an item on the wall — showing the wall if another screen was up, so the
 * room sees it at once; `null` goes back to the whole wall.
 */
export function setSpotlight(doc: Y.Doc, spotlight: Spotlight | null): void {
  const valid = spotlight === null ? null : spotlightSchema.parse(spotlight)
  doc.transact(() => {
    plenaryOf(doc).set('spotlight', valid)
    if (valid !== null && readPlenary(doc).screen !== 'wall') plenaryOf(doc).set('screen', 'wall')
  }, origins.local)
}

// ── Debate notes ────────────────────────────────────────────────────────────────────────────

export const debateNoteKey = (itemId: string) => `debate|${itemId}`

/**
 * Creates the debate note of a new proposal or group. Call it inside the transaction that
 * creates the proposal or group: its id is fresh, so no other device can be creating the same
 * note at the same moment — two Y.Texts under one key would merge into one, losing the other's
 * typing. This is the guarantee the atelier notes have (see notes.ts), for the same reason.
 */
export function createDebateNote(doc: Y.Doc, itemId: string): void {
  const notes = notesOf(doc)
  const key = debateNoteKey(itemId)
  if (!notes.has(key)) notes.set(key, new Y.Text())
}

export function hasDebateNote(doc: Y.Doc, itemId: string): boolean {
  return notesOf(doc).get(debateNoteKey(itemId)) instanceof Y.Text
}

/**
 * For a proposal written by an older version of the app (a tablet that has not updated yet),
 * which has no debate note: the coordinator's device creates it when the coordinator opens it.
 * The one case left where two devices could create the same note is two coordinator devices,
 * out of reach of each other, opening the notes of the same such proposal; Yjs then keeps one.
 */
export function openDebateNote(doc: Y.Doc, itemId: string): void {
  if (hasDebateNote(doc, itemId)) return
  doc.transact(() => createDebateNote(doc, itemId), origins.local)
}
