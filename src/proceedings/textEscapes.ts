/**
 * Text stays text in every file the actes are written to. What a tablet typed (or a hostile
 * write put in the document) may hold HTML, Markdown syntax or characters XML forbids: a
 * Markdown viewer rendered `<img src=x onerror=…>` as HTML, a note line "# …" became a heading,
 * and one U+FFFE made the whole .docx unreadable.
 */

/** Characters XML 1.0 does not allow in a document (controls, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID =
  /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu

/** The text without the characters a Word/LibreOffice file cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '')
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** HTML made inert (`<b>` shows as "<b>"), Markdown's inline marks shown as typed. */
function escapeInline(text: string): string {
  return text.replace(/[&<>]/g, (char) => HTML_ENTITIES[char]!).replace(/[\\`*_[\]~|]/g, '\\$&')
}

/**
 * A line that cannot open a block: no heading (`#`), list (`-`, `+`, `1.`), setext underline
 * (`===`), blockquote (already `&gt;`) or indented code.
 */
function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '')
  return trimmed.replace(/^(?:[#+=-]|\d+(?=[.)]))/, (start) =>
    /^\d/.test(start) ? `${start}\\` : `\\${start}`,
  )
}

/** One field on one line (a heading, a list item): line breaks become spaces. */
export function markdownInline(text: string): string {
  return escapeLineStart(escapeInline(xmlSafe(text).replace(/\s*[\r\n]+\s*/g, ' ')))
}

/** A field of several lines (notes): each line kept, none able to start a block. */
export function markdownBlock(text: string): string {
  return xmlSafe(text)
    .split(/\r\n?|\n/)
    .map((line) => escapeLineStart(escapeInline(line)))
    .join('\n')
}
