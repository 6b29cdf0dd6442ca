/**
 * The words of the actes, shared by every output (print page, Word, Markdown): one place for
 * the headings and the phrasing, so the three never disagree.
 */
import { COLLEGES } from '../doc/attendance'
import { formatDecimal } from '../text/decimal'
import { formatDate } from '../text/formatDate'
import { t } from '../text/strings'
import {
  peopleIn,
  type Proceedings,
  type ProceedingsAtelier,
  type ProceedingsRestitutionItem,
  type RankingMethod,
} from './buildProceedings'

/** "Jeudi 3 décembre 2026 · Hôtel de Ville · Thème : …" */
export function subtitle(p: Proceedings): string {
  return [formatDate(p.date), p.place, p.theme && t.proceedings.theme(p.theme)]
    .filter(Boolean)
    .join(' · ')
}

/** One line per collège with at least one person, e.g. "Usagers — première fois : 4". */
export function attendanceLines(attendance: ProceedingsAtelier['attendance']): string[] {
  return COLLEGES.filter((college) => attendance[college] > 0).map((college) =>
    t.labelled(t.atelier.colleges[college], attendance[college]),
  )
}

export function atelierHeading(atelier: ProceedingsAtelier): string {
  const people = peopleIn(atelier.attendance)
  return [atelier.name, atelier.room, people > 0 ? t.atelier.total(people).toLowerCase() : '']
    .filter(Boolean)
    .join(' — ')
}

export function votesLine(votes: Array<{ label: string; count: number }>): string {
  return votes.map((vote) => t.labelled(vote.label, vote.count)).join(' · ')
}

/** How the ranking was made, in two sentences: what a point is (the weights), then ties. */
export function rankingMethodLines(method: RankingMethod): string[] {
  const points =
    method.mode === 'overall'
      ? t.proceedings.methodOverall
      : t.proceedings.methodColleges(
          method.weights
            .map(({ label, weight }) => t.proceedings.weightOf(label, formatDecimal(weight)))
            .join(' ; '),
        )
  return [points, t.proceedings.tieRule]
}

/** "2. (ex æquo) " before an item's text; nothing for an item without votes. */
export function rankPrefix(item: ProceedingsRestitutionItem): string {
  if (item.rank === null) return ''
  return item.tied ? `${item.rank}. (${t.proceedings.exAequo}) ` : `${item.rank}. `
}

/**
 * An item's points and how they add up: "Points : 10 × 2 + 3 = 23" (hands × the collège's
 * weight, a weight of 1 left out), or "Points : 12" for one count that weighs 1.
 */
export function pointsLine(item: ProceedingsRestitutionItem): string | null {
  if (item.score === null) return null
  const terms = item.votes.map(({ count, weight }) =>
    weight === 1 ? String(count) : `${count} × ${formatDecimal(weight)}`,
  )
  const score = formatDecimal(item.score)
  const sum = terms.join(' + ')
  return t.proceedings.points(sum === score ? score : `${sum} = ${score}`)
}
