/**
 * Figures and how they are printed: percentiles, medians, ratios, fixed-width tables. Every
 * module of the bench returns plain numbers; `main.ts` prints them with these helpers, so the
 * output reads the same from one section to the next.
 */

/** The q-quantile (0 ≤ q ≤ 1) of `values`, by nearest rank; NaN if there are none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank]!
}

export const median = (values: readonly number[]) => quantile(values, 0.5)

export function ms(value: number, digits = 2): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a'
}

export function kib(bytes: number, digits = 1): string {
  return `${(bytes / 1024).toFixed(digits)} KiB`
}

export function mib(bytes: number, digits = 1): string {
  return `${(bytes / 1024 / 1024).toFixed(digits)} MiB`
}

export function perSecond(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')}/s`
}

/** `a / b` as "1.53×", or "n/a". */
export function ratio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : 'n/a'
}

/** "met" or "MISSED", with the figure and its budget. */
export function budget(label: string, value: number, limit: number, format: (v: number) => string) {
  const met = value <= limit
  return {
    label,
    met,
    line: `${met ? 'met   ' : 'MISSED'} ${label}: ${format(value)} (budget ≤ ${format(limit)})`,
  }
}

/** A budget where more is better (throughput). */
export function budgetAtLeast(
  label: string,
  value: number,
  floor: number,
  format: (v: number) => string,
) {
  const met = value >= floor
  return {
    label,
    met,
    line: `${met ? 'met   ' : 'MISSED'} ${label}: ${format(value)} (budget ≥ ${format(floor)})`,
  }
}

/** A plain table: first row is the header; columns are padded, numbers right-aligned. */
export function table(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths: number[] = []
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows
    .map((row, r) =>
      row
        .map((cell, i) =>
          i === 0 || r === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

export function heading(title: string): string {
  return `\n== ${title} ${'='.repeat(Math.max(0, 76 - title.length))}`
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const now = () => performance.now()

export const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds))
