import { PROGRESS, type FollowUpEntry } from '../../doc/followUp'
import { isoDay } from '../../text/formatDate'
import { t } from '../../text/strings'
import { toCsv } from './csv'

/** The table as coordinators read it in a spreadsheet. */
export function followUpCsv(entries: FollowUpEntry[]): string {
  const header = t.followUp.csvHeader
  return toCsv([
    [...header],
    ...entries.map((entry) => {
      const last = entry.history.at(-1)
      return [
        entry.text,
        entry.meetingTitle,
        entry.meetingDate,
        entry.ateliers.join(', '),
        t.followUp.status[entry.status],
        last ? isoDay(last.at) : '',
        last?.owner ?? '',
        last?.comment ?? '',
      ]
    }),
  ])
}

/**
 * The same table in the columns of Decidim's accountability import ("résultats"), so a city
 * using Decidim loads it without retyping. Status names are those to create in Decidim once.
 */
export function decidimCsv(entries: FollowUpEntry[]): string {
  return toCsv([
    ['id', 'title/fr', 'description/fr', 'start_date', 'end_date', 'status', 'progress'],
    ...entries.map((entry) => {
      const done = entry.status === 'done' ? entry.history.at(-1) : undefined
      return [
        entry.id,
        entry.text,
        t.followUp.decidimDescription(
          entry.meetingTitle,
          entry.meetingDate,
          entry.ateliers.join(', '),
        ),
        isoDay(entry.retainedAt),
        done ? isoDay(done.at) : '',
        t.followUp.status[entry.status],
        PROGRESS[entry.status],
      ]
    }),
  ])
}
