import { formatDateTime } from './formatDate'
import { t } from './strings'

/** "il y a 3 min" style label for a past moment; `null` means never. */
export function formatAgo(at: number | null, now: number): string {
  if (at === null) return t.sync.never
  const minutes = Math.floor((now - at) / 60_000)
  if (minutes < 1) return t.sync.justNow
  if (minutes < 60) return t.sync.minutesAgo(minutes)
  const hours = Math.floor(minutes / 60)
  if (hours < 12) return t.sync.hoursAgo(hours)
  return t.sync.at(formatDateTime(at))
}
