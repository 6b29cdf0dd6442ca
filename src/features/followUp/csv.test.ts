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
    // Formulas stay text (OWASP): a leading apostrophe, which spreadsheets do not show.
    ['=HYPERLINK("http://x";A1)', '"\'=HYPERLINK(""http://x"";A1)"'],
    ['+1+1', "'+1+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', '"\'\r=1+1"'],
    ['a=1', 'a=1'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it('leaves the numbers it writes itself as numbers', () => {
    expect(csvField(-2)).toBe('-2')
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
