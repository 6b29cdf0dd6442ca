/** How the app writes a day and a time, in French, everywhere. */

/** "jeudi 3 décembre 2026" from "2026-12-03"; empty for no date. Noon avoids time-zone shifts. */
export function formatDate(isoDate: string): string {
  return isoDate
    ? new Date(`${isoDate}T12:00:00`).toLocaleDateString('fr-FR', { dateStyle: 'full' })
    : ''
}

/** "3 déc. 2026" from "2026-12-03", for tables; empty for no date. */
export function formatShortDate(isoDate: string): string {
  return isoDate
    ? new Date(`${isoDate}T12:00:00`).toLocaleDateString('fr-FR', { dateStyle: 'medium' })
    : ''
}

/** "19:42" */
export function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })
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
