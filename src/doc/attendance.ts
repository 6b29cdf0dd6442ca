/**
 * Attendance per atelier and collège, for the committee's own evaluation: counts only, never
 * names. Each device keeps its own tally under its own key (`<atelierId>|<college>|<clientId>`)
 * and the count is the sum, so two tablets tapping "+" at the same moment both count — a single
 * shared number would keep only one of the two taps.
 */
import type * as Y from 'yjs'
import { attendanceOf } from './layout'
import { origins } from './origins'
import { idRecord, isEntityId, noteSkipped } from './untrusted'

export const COLLEGES = [
  'usagerNew',
  'usagerReturning',
  'agent',
  'partner',
  'elected',
  'other',
] as const
export type College = (typeof COLLEGES)[number]

export type Attendance = Record<College, number>

export const emptyAttendance = (): Attendance =>
  Object.fromEntries(COLLEGES.map((college) => [college, 0])) as Attendance

/** More people than any atelier room holds: a count is an integer from 0 to this. */
export const ATTENDANCE_MAX = 10_000

/** One device's tally may go below zero (its −1 on another device's +1), never beyond the max. */
const isTally = (value: unknown): value is number =>
  Number.isInteger(value) && Math.abs(value as number) <= ATTENDANCE_MAX

/**
 * Counts per atelier id (a record without prototype); each count is clamped to 0–10,000,
 * whatever concurrent taps or a hostile write did.
 */
export function readAttendance(doc: Y.Doc): Record<string, Attendance> {
  const sums = idRecord<Attendance>()
  let skipped = 0
  attendanceOf(doc).forEach((value, key) => {
    const [atelierId, college, counter, ...rest] = key.split('|')
    const valid =
      isEntityId(atelierId) &&
      COLLEGES.includes(college as College) &&
      counter !== undefined &&
      rest.length === 0 &&
      isTally(value)
    if (!valid) {
      skipped += 1
      return
    }
    sums[atelierId] ??= emptyAttendance()
    sums[atelierId][college as College] += value
  })
  noteSkipped(attendanceOf(doc), skipped)
  for (const counts of Object.values(sums))
    for (const college of COLLEGES)
      counts[college] = Math.min(ATTENDANCE_MAX, Math.max(0, counts[college]))
  return sums
}

/** +1 or −1 on this device's tally. A −1 on a count already at zero does nothing. */
export function adjustAttendance(
  doc: Y.Doc,
  atelierId: string,
  college: College,
  delta: 1 | -1,
): void {
  if (delta === -1 && (readAttendance(doc)[atelierId]?.[college] ?? 0) === 0) return
  const key = `${atelierId}|${college}|${doc.clientID}`
  doc.transact(() => {
    const map = attendanceOf(doc)
    map.set(key, (map.get(key) ?? 0) + delta)
  }, origins.local)
}
