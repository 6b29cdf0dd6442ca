/**
 * Accessibility checks with axe-core (a dev dependency), run inside the page under test: its
 * source is injected as a script tag (nothing fetched), then `axe.run` checks the whole document.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
let source: Promise<string> | undefined

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/** Moderate rules checked too, because the app promised them (one `<h1>` names every screen). */
const ALSO_CHECKED = new Set(['page-has-heading-one'])

/**
 * The serious and critical axe-core violations of what the page shows now, one line each:
 * "rule-id (impact): help — selectors". Empty when the screen passes.
 *
 * @example
 * expect(await seriousAxeViolations(page)).toEqual([])
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: await source })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe
    return (await axe.run()).violations
  })
  return (violations as Violation[])
    .filter(
      (violation) =>
        violation.impact === 'serious' ||
        violation.impact === 'critical' ||
        ALSO_CHECKED.has(violation.id),
    )
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    )
}
