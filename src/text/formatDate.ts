/**
 * How the app writes a day and a time, in French, everywhere: screens, actes, exports and file
 * names. Every moment is read in the device's local time — the committee's own clock — never in
 * UTC, so a proposal retained at 00:30 is dated the same day on the screen and in the spreadsheet.
 * Days are ISO strings ("2026-12-03") in documents; moments are milliseconds since 1970.
 */

/** A stored day at noon local time: noon avoids time-zone shifts across the day. */
const noonOf = (isoDate: string) => new Date(`${isoDate}T12:00:00`)

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-12-03": the local day of a moment, as documents store days and spreadsheets read them. */
export function isoDay(at: number): string {
  const date = new Date(at)
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** "jeudi 3 décembre 2026" from "2026-12-03"; empty for no date. */
export function formatDate(isoDate: string): string {
  return isoDate ? noonOf(isoDate).toLocaleDateString('fr-FR', { dateStyle: 'full' }) : ''
}

/** "3 déc. 2026" from "2026-12-03", for tables; empty for no date. */
export function formatShortDate(isoDate: string): string {
  return isoDate ? noonOf(isoDate).toLocaleDateString('fr-FR', { dateStyle: 'medium' }) : ''
}

/** "déc. 26" from "2026-12-03", under a chart's bar; empty for no date. */
export function formatMonth(isoDate: string): string {
  return isoDate
    ? noonOf(isoDate).toLocaleDateString('fr-FR', { month: 'short', year: '2-digit' })
    : ''
}

/** "03/12/2026": the day of a moment, in a dated history. */
export function formatNumericDate(at: number): string {
  return new Date(at).toLocaleDateString('fr-FR')
}

/** "19:42" */
export function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })
}

/** "03/12/2026 19:42": a moment on another day than today. */
export function formatDateTime(at: number): string {
  return new Date(at).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' })
}

/** "19h42": a time inside a file name, where « : » is refused by some systems. */
export function formatFileTime(at: number): string {
  const date = new Date(at)
  return `${pad(date.getHours())}h${pad(date.getMinutes())}`
}

/** "19:42" today, "mar. 3 déc., 19:42" another day: a moment of a meeting's history. */
export function formatMoment(at: number, now = Date.now()): string {
  const day = new Date(at).toDateString()
  if (day === new Date(now).toDateString()) return formatTime(at)
  const date = new Date(at).toLocaleDateString('fr-FR', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  })
  return `${date}, ${formatTime(at)}`
}
