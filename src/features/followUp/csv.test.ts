import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from './csv'

describe('French CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['accentué, élu', 'accentué, élu'],
    ['a;b', '"a;b"'],
    ['il a dit "oui"', '"il a dit ""oui"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['retour\r\nchariot', '"retour\r\nchariot"'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['é;è', 2.5],
      ]),
    ).toBe('\uFEFFa;1\r\n"é;è";2.5\r\n')
  })
})
