/**
 * The committee's own evaluation, meeting by meeting: who came (per collège), how many usagers
 * came back, how many registered against how many were there. Pure: built from meeting
 * snapshots, so it is tested without a browser.
 */
import { emptyAttendance, type Attendance } from '../../doc/attendance'
import type { Meeting } from '../../doc/meetingDoc'
import { peopleIn, sumAttendance } from '../../proceedings/buildProceedings'

export interface MeetingStats {
  meetingId: string
  title: string
  date: string
  attendance: Attendance
  present: number
  /** Share of usagers who had come before (0–1), `null` with no usager. */
  returningShare: number | null
  registered: number | null
  /** Registered people who did not come (negative: more came than registered). */
  absent: number | null
  proposals: number
}

export function meetingStats(meetingId: string, meeting: Meeting): MeetingStats {
  const attendance = sumAttendance(
    meeting.ateliers.map((a) => meeting.attendance[a.id] ?? emptyAttendance()),
  )
  const present = peopleIn(attendance)
  const usagers = attendance.usagerNew + attendance.usagerReturning
  return {
    meetingId,
    title: meeting.title,
    date: meeting.date,
    attendance,
    present,
    returningShare: usagers === 0 ? null : attendance.usagerReturning / usagers,
    registered: meeting.registered,
    absent: meeting.registered === null ? null : meeting.registered - present,
    proposals: meeting.proposals.filter((p) => p.deletedAt === null).length,
  }
}

/** Oldest first, for charts that read left to right. */
export const chronological = (stats: MeetingStats[]) =>
  [...stats].sort((a, b) => a.date.localeCompare(b.date))
