/**
 * CSV for French spreadsheets: `;` between fields (the comma is the decimal separator in
 * French), a byte-order mark so Excel reads UTF-8 accents, CRLF line ends, and every field
 * quoted when it holds a quote, a separator or a line break.
 */
const BOM = '\uFEFF'

export function csvField(value: string | number): string {
  const text = String(value)
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return BOM + rows.map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n'
}
