import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readCsv } from '../../../tests/helpers/exportsParse'
import { inTimeZone } from '../../../tests/helpers/timeZone'
import { readFollowUp, recordRetained } from '../../doc/followUp'
import { decidimCsv, followUpCsv } from './followUpCsv'

const retained = (itemId: string, text: string, retainedAt: number) => ({
  meetingId: 'm1',
  meetingTitle: '=HYPERLINK("http://x";"Décembre")',
  meetingDate: '2026-12-03',
  itemId,
  ateliers: ['@SUM(A1)'],
  text,
  retainedAt,
})

describe('follow-up exports of a hostile committee', () => {
  it('are written, read back, and keep formulas as text', () => {
    const doc = new Y.Doc()
    // One entry retained at 8.64e15 + 1: "Invalid time value" made both exports throw, forever.
    recordRetained(doc, [retained('a', '+1+1', 1000), retained('b', 'Futur', 8.64e15 + 1)])
    const entries = readFollowUp(doc)
    const table = readCsv(followUpCsv(entries))
    expect(table).toHaveLength(2)
    expect(table[1]!.slice(0, 4)).toEqual([
      "'+1+1",
      '\'=HYPERLINK("http://x";"Décembre")',
      '2026-12-03',
      "'@SUM(A1)",
    ])
    const decidim = readCsv(decidimCsv(entries))
    expect(decidim).toHaveLength(2)
    expect(decidim[1]!.slice(0, 2)).toEqual(['m1:a', "'+1+1"])
    expect(decidim[1]![3]).toBe('1970-01-01')
  })
})

describe('follow-up exports in the committee’s time zone', () => {
  // The screens show local days; the CSV wrote UTC ones, so a proposal retained at 00:30 in
  // Paris was dated the day before in the spreadsheet.
  inTimeZone('Europe/Paris')

  it('date a moment after midnight by the local day, like the screens', () => {
    const doc = new Y.Doc()
    const halfPastMidnightInParis = Date.UTC(2026, 11, 3, 23, 30) // 4 December, 00:30 in Paris
    recordRetained(doc, [retained('a', 'Un banc', halfPastMidnightInParis)])
    const entries = readFollowUp(doc)
    expect(readCsv(decidimCsv(entries))[1]![3]).toBe('2026-12-04')
    expect(readCsv(followUpCsv(entries))[1]![5]).toBe('2026-12-04')
  })
})
