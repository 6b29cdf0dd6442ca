/**
 * The meeting's details: title, date, theme, place, the evening's schedule in three times
 * (plénière d'ouverture, ateliers, restitution) and the short text read at the opening plenary.
 * Shared data, kept as plain values in the `meta` map (see layout.ts).
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { metaOf, patchEntries } from './layout'
import { origins } from './origins'
import { isoDateSchema } from './untrusted'

export const TITLE_MAX = 200
export const DETAIL_MAX = 200
export const OPENING_TEXT_MAX = 4000

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

/** Start times of the evening's parts, "HH:MM". The Reims evening runs 17:30–20:30. */
export const scheduleSchema = z.object({
  opening: clock,
  ateliers: clock,
  restitution: clock,
  end: clock,
})
export type Schedule = z.infer<typeof scheduleSchema>

export const DEFAULT_SCHEDULE: Schedule = {
  opening: '17:30',
  ateliers: '18:00',
  restitution: '19:30',
  end: '20:30',
}

/** Drawn from the Angers and Reims committees' own descriptions of how they work. */
export const DEFAULT_OPENING_TEXT =
  'Le comité des usagers réunit des personnes qui font appel au CCAS, des agents du CCAS, des associations partenaires et des élus. Ce n’est pas une instance de décision : il fait des propositions pour améliorer l’action sociale, et les élus décident. Ce soir, chaque atelier travaille sur le même thème avec la même trame et fait émerger au moins deux propositions ; le groupe en valide deux ou trois pour la plénière. En fin de soirée, les rapporteurs présentent les propositions, la salle en débat et les classe. Les actes de la rencontre sont publiés ensuite, et nous vous dirons à chaque rencontre ce que sont devenues vos propositions.'

export const detailsSchema = z.object({
  title: z.string().max(TITLE_MAX),
  date: isoDateSchema.or(z.literal('')),
  theme: z.string().max(DETAIL_MAX),
  place: z.string().max(DETAIL_MAX),
  schedule: scheduleSchema,
  openingText: z.string().max(OPENING_TEXT_MAX),
  /** People registered beforehand, where the CCAS keeps a list: compared with those present. */
  registered: z.number().int().min(0).max(10_000).nullable(),
  /** Written by the coordinator before publishing the actes. */
  proceedingsIntro: z.string().max(OPENING_TEXT_MAX),
  proceedingsConclusion: z.string().max(OPENING_TEXT_MAX),
})
export type MeetingDetails = z.infer<typeof detailsSchema>

const defaults: MeetingDetails = {
  title: '',
  date: '',
  theme: '',
  place: '',
  schedule: DEFAULT_SCHEDULE,
  openingText: DEFAULT_OPENING_TEXT,
  registered: null,
  proceedingsIntro: '',
  proceedingsConclusion: '',
}

/** Each field on its own: one bad or missing value falls back to its default, not the whole. */
export function readDetails(doc: Y.Doc): MeetingDetails {
  const meta = metaOf(doc)
  const field = <K extends keyof MeetingDetails>(key: K): MeetingDetails[K] => {
    const parsed = detailsSchema.shape[key].safeParse(meta.get(key))
    return parsed.success ? (parsed.data as MeetingDetails[K]) : defaults[key]
  }
  return {
    title: field('title'),
    date: field('date'),
    theme: field('theme'),
    place: field('place'),
    schedule: field('schedule'),
    openingText: field('openingText'),
    registered: field('registered'),
    proceedingsIntro: field('proceedingsIntro'),
    proceedingsConclusion: field('proceedingsConclusion'),
  }
}

/** Writes the given details; call inside a transaction or through `updateDetails`. */
export function writeDetails(doc: Y.Doc, patch: Partial<MeetingDetails>): void {
  for (const [key, value] of patchEntries(detailsSchema.partial(), patch))
    metaOf(doc).set(key, value)
}

/** Refuses the whole patch, changing nothing, if one field is invalid. */
export function updateDetails(doc: Y.Doc, patch: Partial<MeetingDetails>): void {
  doc.transact(() => writeDetails(doc, patch), origins.local)
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** Minutes given to the ateliers by the schedule (from their start to the restitution). */
export function atelierSlotMinutes(schedule: Schedule): number {
  return toMinutes(schedule.restitution) - toMinutes(schedule.ateliers)
}

/** The parts of the schedule that are out of order ("ateliers" before "opening", …). */
export function scheduleProblems(schedule: Schedule): Array<keyof Schedule> {
  const order: Array<keyof Schedule> = ['opening', 'ateliers', 'restitution', 'end']
  return order.filter(
    (key, index) => index > 0 && toMinutes(schedule[key]) <= toMinutes(schedule[order[index - 1]!]),
  )
}
