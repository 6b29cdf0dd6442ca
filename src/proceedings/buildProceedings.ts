/**
 * The actes of a meeting as a plain structure, built from the meeting document alone (and the
 * restitution's readers), so every output — print page, Word file, Markdown — says the same
 * thing. Plain language: these are read by usagers too. Counts per collège, never names.
 */
import { COLLEGES, emptyAttendance, type Attendance } from '../doc/attendance'
import type { Meeting } from '../doc/meetingDoc'
import { noteKey } from '../doc/notes'
import type { VoteMode } from '../doc/votes'

export interface ProceedingsAtelier {
  name: string
  room: string
  attendance: Attendance
  steps: Array<{ title: string; questions: Array<{ text: string; notes: string }> }>
  proposals: Array<{ text: string; validated: boolean }>
  transmittedAt: number | null
}

export interface ProceedingsRestitutionItem {
  text: string
  /** "Atelier 1 : texte d'origine" when it groups proposals of several ateliers. */
  origins: string[]
  /** Hands counted, for the whole room or per collège, each with the weight it counted with. */
  votes: Array<{ label: string; count: number; weight: number }>
  /** Points: the sum of hands × weight, what ranks the item; `null` before any vote. */
  score: number | null
  rank: number | null
  /** Shares its rank with another item: the same points ("ex æquo"). */
  tied: boolean
  retained: boolean
  debateNotes: string
}

/** How the plenary ranked the items, stated in the actes so the order can be checked. */
export interface RankingMethod {
  mode: VoteMode
  /** Each collège's weight (vote by collège); empty for a vote of the whole room. */
  weights: Array<{ label: string; weight: number }>
}

/** The restitution as the actes tell it: its items in ranking order, and the method. */
export interface ProceedingsRestitution {
  items: ProceedingsRestitutionItem[]
  /** `null` when nothing was voted: no ranking to explain. */
  method: RankingMethod | null
}

export interface Proceedings {
  title: string
  date: string
  place: string
  theme: string
  intro: string
  conclusion: string
  attendance: { total: Attendance; people: number }
  ateliers: ProceedingsAtelier[]
  restitution: ProceedingsRestitutionItem[]
  rankingMethod: RankingMethod | null
}

export function sumAttendance(counts: Attendance[]): Attendance {
  const total = emptyAttendance()
  for (const count of counts) for (const college of COLLEGES) total[college] += count[college]
  return total
}

export const peopleIn = (attendance: Attendance) =>
  COLLEGES.reduce((sum, college) => sum + attendance[college], 0)

export function buildProceedings(
  meeting: Meeting,
  restitution: ProceedingsRestitution,
): Proceedings {
  const ateliers = meeting.ateliers.map((atelier): ProceedingsAtelier => ({
    name: atelier.name,
    room: atelier.room,
    attendance: meeting.attendance[atelier.id] ?? emptyAttendance(),
    steps: meeting.script.map((step) => ({
      title: step.title,
      questions: step.questions.map((question) => ({
        text: question.text,
        notes: (meeting.notes[noteKey(atelier.id, step.id, question.id)] ?? '').trim(),
      })),
    })),
    proposals: meeting.proposals
      .filter((proposal) => proposal.atelierId === atelier.id && proposal.deletedAt === null)
      .map((proposal) => ({ text: proposal.text, validated: proposal.validated })),
    transmittedAt: atelier.transmittedAt,
  }))
  const total = sumAttendance(ateliers.map((atelier) => atelier.attendance))
  return {
    title: meeting.title,
    date: meeting.date,
    place: meeting.place,
    theme: meeting.theme,
    intro: meeting.proceedingsIntro.trim(),
    conclusion: meeting.proceedingsConclusion.trim(),
    attendance: { total, people: peopleIn(total) },
    ateliers,
    restitution: restitution.items,
    rankingMethod: restitution.method,
  }
}
