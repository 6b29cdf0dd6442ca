/**
 * Attendance per atelier and collège, for the committee's own evaluation: counts only, never
 * names. Each device keeps its own tally under its own key (`<atelierId>|<college>|<clientId>`)
 * and the count is the sum, so two tablets tapping "+" at the same moment both count — a single
 * shared number would keep only one of the two taps.
 */
import type * as Y from 'yjs'
import { attendanceOf } from './layout'
import { origins } from './origins'

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

/** Counts per atelier; a count never shows below zero, whatever concurrent taps did. */
export function readAttendance(doc: Y.Doc): Record<string, Attendance> {
  const sums: Record<string, Attendance> = {}
  attendanceOf(doc).forEach((value, key) => {
    const [atelierId, college] = key.split('|')
    if (!atelierId || !COLLEGES.includes(college as College) || typeof value !== 'number') return
    sums[atelierId] ??= emptyAttendance()
    sums[atelierId][college as College] += value
  })
  for (const counts of Object.values(sums))
    for (const college of COLLEGES) counts[college] = Math.max(0, counts[college])
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
