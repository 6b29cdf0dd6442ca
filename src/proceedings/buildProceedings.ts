/**
 * The actes of a meeting as a plain structure, built from the meeting document alone (and the
 * restitution's readers), so every output — print page, Word file, Markdown — says the same
 * thing. Plain language: these are read by usagers too. Counts per collège, never names.
 */
import { COLLEGES, emptyAttendance, type Attendance } from '../doc/attendance'
import type { Meeting } from '../doc/meetingDoc'
import { noteKey } from '../doc/notes'

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
  /** Votes per collège label, and the total or weighted score. */
  votes: Array<{ label: string; count: number }>
  score: number | null
  rank: number | null
  retained: boolean
  debateNotes: string
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
  restitution: ProceedingsRestitutionItem[],
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
    restitution,
  }
}
