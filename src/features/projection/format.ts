import type { ItemTally, VoteSettings } from '../../doc/votes'
import { VOTE_COLLEGES } from '../../doc/voteCounts'
import type { WallItem } from '../../doc/grouping'
import { formatDecimal } from '../../text/decimal'
import { t } from '../../text/strings'

/** "12,5" — scores may be weighted by decimals. */
export function formatScore(score: number): string {
  return score.toLocaleString('fr-FR', { maximumFractionDigits: 1 })
}

/** The ateliers an item comes from, once each, in wall order: "Logement, Santé". */
export function atelierNames(item: WallItem): string {
  return [...new Set(item.origins.map((origin) => origin.atelier.name))].join(', ')
}

/** One count for the room: "12", "écart : 12 / 14", or "—" when not counted yet. */
export function formatCount(count: ItemTally['buckets'][keyof ItemTally['buckets']]): string {
  if (count.value === null) return t.wall.notCounted
  return count.agreed ? String(count.value) : t.counting.gap(count.values)
}

/** "Usagers ×2, Élus ×0,5" — only the collèges whose weight is not 1. */
export function formatWeights(settings: VoteSettings): string | null {
  const changed = VOTE_COLLEGES.filter((college) => settings.weights[college] !== 1)
  if (changed.length === 0) return null
  return changed
    .map(
      (college) => `${t.wall.collegesShort[college]} ×${formatDecimal(settings.weights[college])}`,
    )
    .join(', ')
}
