import { describe, expect, it } from 'vitest'
import { formatDecimal, parseDecimal } from './decimal'

describe('decimals typed the French way', () => {
  it('reads a decimal comma as a decimal point, not as nothing', () => {
    expect(parseDecimal('0,5')).toBe(0.5)
    expect(parseDecimal('0.5')).toBe(0.5)
    expect(parseDecimal(' 1,25 ')).toBe(1.25)
    expect(parseDecimal(',5')).toBe(0.5)
    expect(parseDecimal('2')).toBe(2)
    expect(parseDecimal('2,')).toBe(2)
  })

  it('refuses what is not a number', () => {
    for (const text of ['', ' ', 'abc', '0,5 kg', '1,2,3', '1.2.3', '-1', '1e3', ',', 'Infinity'])
      expect(parseDecimal(text), text).toBeNull()
  })

  it('writes decimals with a comma, as typed', () => {
    expect(formatDecimal(0.5)).toBe('0,5')
    expect(formatDecimal(2)).toBe('2')
    expect(formatDecimal(1.25)).toBe('1,25')
    expect(formatDecimal(1000)).toBe('1000')
  })
})
