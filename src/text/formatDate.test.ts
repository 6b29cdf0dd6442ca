import { describe, expect, it } from 'vitest'
import { inTimeZone } from '../../tests/helpers/timeZone'
import {
  formatDate,
  formatFileTime,
  formatMonth,
  formatNumericDate,
  formatShortDate,
  isoDay,
} from './formatDate'

describe('dates and times, in the committee’s local time', () => {
  inTimeZone('Europe/Paris')
  const halfPastMidnight = Date.UTC(2026, 11, 3, 23, 30) // 4 December, 00:30 in Paris

  it('date a moment by its local day, whatever UTC says', () => {
    expect(isoDay(halfPastMidnight)).toBe('2026-12-04')
    expect(formatNumericDate(halfPastMidnight)).toBe('04/12/2026')
    expect(formatFileTime(halfPastMidnight)).toBe('00h30')
  })

  it('write a stored day the same in every zone, and nothing for no day', () => {
    expect(formatDate('2026-12-03')).toBe('jeudi 3 décembre 2026')
    expect(formatShortDate('2026-12-03')).toBe('3 déc. 2026')
    expect(formatMonth('2026-12-03')).toBe('déc. 26')
    expect([formatDate(''), formatShortDate(''), formatMonth('')]).toEqual(['', '', ''])
  })
})
