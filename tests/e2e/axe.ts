/**
 * Accessibility checks with axe-core (a dev dependency), run inside the page under test: its
 * source is evaluated in the page (nothing fetched), then `axe.run` checks the whole document.
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
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy forbids inline
  // scripts (a script tag would be refused), and rightly so.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await source)
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

/** The smallest target a finger can hit reliably on a tablet (px), on both sides. */
const TOUCH_TARGET = 44

/**
 * Buttons, checkboxes, selects and disclosures smaller than a touch target, by their name. A
 * checkbox's target is its label when it has one (tapping the label ticks it).
 */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input[type="checkbox"], input[type="radio"], select, summary',
    )
    return Array.from(controls).flatMap((control) => {
      const target = control.closest('label') ?? control
      const box = target.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) return [] // not shown
      if (box.width >= min && box.height >= min) return []
      const name =
        control.getAttribute('aria-label') ?? control.textContent?.trim() ?? control.tagName
      return [`${name} (${Math.round(box.width)}×${Math.round(box.height)})`]
    })
  }, TOUCH_TARGET)
}
