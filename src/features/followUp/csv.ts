/**
 * CSV for French spreadsheets: `;` between fields (the comma is the decimal separator in
 * French), a byte-order mark so Excel reads UTF-8 accents, CRLF line ends, and every field
 * quoted when it holds a quote, a separator or a line break.
 *
 * A text that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP advises: LibreOffice turned a proposal written as
 * `=HYPERLINK(…)` into a live link leaking a cell. Numbers we write ourselves stay numbers.
 */
const BOM = '\uFEFF'

export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.replace(/^[=+\-@\t\r]/, "'$&")
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return BOM + rows.map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n'
}
