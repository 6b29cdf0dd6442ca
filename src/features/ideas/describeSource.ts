import type { IdeaItem, IdeaSource } from '../../doc/ideaBank'
import { t } from '../../text/strings'

/** Where an idea came from, in words: "Fête de quartier", "Soirée du 12 mars — Atelier 2". */
export function describeSource(source: IdeaSource): string {
  if (source.kind === 'meeting') return t.ideas.sourceOf.meeting(source.label, source.atelier ?? '')
  return t.ideas.sourceOf[source.kind](source.label)
}

/** "2026-03-12" → "12/03/2026"; empty stays empty. */
export function formatDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-')
  return year && month && day ? `${day}/${month}/${year}` : ''
}

export function describeSourceWithDate(source: IdeaSource): string {
  const day = formatDay(source.date)
  return day ? `${describeSource(source)} · ${day}` : describeSource(source)
}

/** At most this many sources are named in the tableau de suivi; the rest are counted. */
const ORIGINS_SHOWN = 5

/**
 * What the tableau de suivi shows as a chantier's origin: its axis, then where its ideas came
 * from (each source once).
 */
export function projectOrigins(item: IdeaItem, axisName: string | null): string[] {
  const sources = [...new Set(item.ideas.map((idea) => describeSourceWithDate(idea.source)))]
  const named =
    sources.length > ORIGINS_SHOWN
      ? [...sources.slice(0, ORIGINS_SHOWN), `+ ${sources.length - ORIGINS_SHOWN}`]
      : sources
  return axisName ? [axisName, ...named] : named
}
