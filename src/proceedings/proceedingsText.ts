/**
 * The words of the actes, shared by every output (print page, Word, Markdown): one place for
 * the headings and the phrasing, so the three never disagree.
 */
import { COLLEGES } from '../doc/attendance'
import { formatDate } from '../ui/formatDate'
import { t } from '../ui/strings'
import { peopleIn, type Proceedings, type ProceedingsAtelier } from './buildProceedings'

/** "Jeudi 3 décembre 2026 · Hôtel de Ville · Thème : …" */
export function subtitle(p: Proceedings): string {
  return [formatDate(p.date), p.place, p.theme && t.proceedings.theme(p.theme)]
    .filter(Boolean)
    .join(' · ')
}

/** One line per collège with at least one person, e.g. "Usagers — première fois : 4". */
export function attendanceLines(attendance: ProceedingsAtelier['attendance']): string[] {
  return COLLEGES.filter((college) => attendance[college] > 0).map(
    (college) => `${t.atelier.colleges[college]} : ${attendance[college]}`,
  )
}

export function atelierHeading(atelier: ProceedingsAtelier): string {
  const people = peopleIn(atelier.attendance)
  return [atelier.name, atelier.room, people > 0 ? t.atelier.total(people).toLowerCase() : '']
    .filter(Boolean)
    .join(' — ')
}

export function votesLine(votes: Array<{ label: string; count: number }>): string {
  return votes.map((vote) => `${vote.label} : ${vote.count}`).join(' · ')
}
