import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..')
const TOKENS = join(SRC, 'ui', 'tokens.css')

function filesUnder(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(folder, file))
}

/** The opening `<button …>` tags of a component, braces and strings included. */
function buttonTags(source: string): string[] {
  const tags: string[] = []
  for (
    let start = source.indexOf('<button');
    start >= 0;
    start = source.indexOf('<button', start + 1)
  ) {
    let depth = 0
    let end = start
    while (end < source.length && !(source[end] === '>' && depth === 0)) {
      if (source[end] === '{') depth++
      else if (source[end] === '}') depth--
      end++
    }
    tags.push(source.slice(start, end + 1))
  }
  return tags
}

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '')
const stylesheets = filesUnder(SRC, /\.css$/)
const components = filesUnder(SRC, /\.tsx?$/)
const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/gi

describe('design tokens', () => {
  it('gives every colour a name in tokens.css: no stylesheet or component writes one itself', () => {
    const literals = [...stylesheets.filter((file) => file !== TOKENS), ...components].flatMap(
      (file) => {
        const text = file.endsWith('.css')
          ? withoutComments(readFileSync(file, 'utf8'))
          : readFileSync(file, 'utf8')
        return [...text.matchAll(COLOUR)].map((match) => `${relative(SRC, file)}: ${match[0]}`)
      },
    )
    expect(literals).toEqual([])
  })

  it('defines every custom property the stylesheets and components read', () => {
    // Defined in a stylesheet (`--name:`) or set from a script (`setProperty('--name'`).
    const defined = new Set<string>()
    for (const file of [...stylesheets, ...components])
      for (const match of readFileSync(file, 'utf8').matchAll(/(--[\w-]+)\s*:|['"](--[\w-]+)['"]/g))
        defined.add(match[1] ?? match[2]!)
    const undefinedReads = [...stylesheets, ...components].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/var\((--[\w-]+)/g)]
        .filter((match) => !defined.has(match[1]!))
        .map((match) => `${relative(SRC, file)}: ${match[1]}`),
    )
    expect(undefinedReads).toEqual([])
  })
})

/** The hex colours a block of tokens.css defines, by custom property. */
function hexTokens(block: string): Map<string, string> {
  return new Map(
    [...block.matchAll(/(--[\w-]+)\s*:\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!]),
  )
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

describe('themes', () => {
  // Text and the fill it is drawn on, by role: the brand's (top bar, primary buttons, active
  // tabs) and the page's.
  const pairs = [
    ['--brand-ink', '--brand'],
    ['--brand-ink-muted', '--brand'],
    ['--ink', '--paper'],
    ['--ink', '--card'],
  ] as const
  const css = withoutComments(readFileSync(TOKENS, 'utf8'))
  const root = hexTokens(css.slice(css.indexOf(':root'), css.indexOf('}', css.indexOf(':root'))))
  const contrastStart = css.indexOf('.projection--contrast')
  const highContrast = new Map([
    ...root,
    ...hexTokens(css.slice(contrastStart, css.indexOf('}', contrastStart))),
  ])

  it.each([
    ['default', root],
    ['high contrast (projector)', highContrast],
  ])('keeps text readable on its fill in the %s theme (WCAG AA, 4.5:1)', (_name, tokens) => {
    const weak = pairs
      .map(([text, fill]) => ({
        text,
        fill,
        ratio: contrast(tokens.get(text)!, tokens.get(fill)!),
      }))
      .filter(({ ratio }) => !(ratio >= 4.5))
    expect(weak).toEqual([])
  })
})

describe('controls', () => {
  const others = components.filter((file) => !/ui\/(Button|Field)\.tsx$/.test(file))

  it('builds every .button through Button', () => {
    const handBuilt = others.flatMap((file) =>
      buttonTags(readFileSync(file, 'utf8'))
        .filter((tag) => /className=\{?["'`][^"'`]*(?<![\w-])button(?![\w-])/.test(tag))
        .map((tag) => `${relative(SRC, file)}: ${tag.replace(/\s+/g, ' ').slice(0, 100)}`),
    )
    expect(handBuilt).toEqual([])
  })

  it('builds every labelled .field through Field', () => {
    // A label or fieldset of class `field` opening on its `field__label`: what Field renders.
    const labelled = /className="field[^"]*"[^>]*>\s*<(?:span|legend) className="field__label"/g
    const handBuilt = others.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(labelled)].map(
        (match) => `${relative(SRC, file)}: ${match[0]}`,
      ),
    )
    expect(handBuilt).toEqual([])
  })
})
