/**
 * Reading exports back the way another program would: the Word file unzipped and its XML parsed
 * by a strict parser (which refuses what Word refuses, U+FFFE included), a CSV split into rows.
 */
import { strFromU8, unzipSync } from 'fflate'
import { SaxesParser } from 'saxes'

/** The XML parts of a .docx, by path, each checked well-formed. Throws on the first error. */
export async function readDocx(blob: Blob): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()))
  const parts: Record<string, string> = {}
  for (const [path, bytes] of Object.entries(files))
    if (path.endsWith('.xml') || path.endsWith('.rels')) {
      parts[path] = strFromU8(bytes)
      parseXml(parts[path], path)
    }
  if (!parts['word/document.xml']) throw new Error('no word/document.xml')
  return parts
}

/** Throws if `xml` is not a well-formed XML 1.0 document. */
export function parseXml(xml: string, name = 'xml'): void {
  const parser = new SaxesParser()
  let failure: Error | null = null
  parser.on('error', (error) => {
    failure ??= new Error(`${name}: ${error.message}`)
  })
  parser.write(xml).close()
  if (failure) throw failure
}

/** Rows of a `;` CSV as `toCsv` writes it (BOM, quoted fields, CRLF), read back. */
export function readCsv(csv: string): string[][] {
  if (!csv.startsWith('\uFEFF')) throw new Error('no byte-order mark')
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const text = csv.slice(1)
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field === '') quoted = true
    else if (char === ';') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      index++
    } else field += char
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF')
  return rows
}
