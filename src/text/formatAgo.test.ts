import { describe, expect, it } from 'vitest'
import { formatAgo } from './formatAgo'

describe('formatAgo', () => {
  const now = Date.UTC(2026, 10, 25, 18, 0)
  it.each([
    [null, 'jamais'],
    [now - 10_000, 'à l’instant'],
    [now - 3 * 60_000, 'il y a 3 min'],
    [now - 2 * 3_600_000, 'il y a 2 h'],
  ])('%s → %s', (at, label) => {
    expect(formatAgo(at, now)).toBe(label)
  })
  it('gives a date for anything older than half a day', () => {
    expect(formatAgo(now - 3 * 86_400_000, now)).toMatch(/^à \d{2}\/\d{2}\/\d{4}/)
  })
})
