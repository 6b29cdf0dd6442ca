/**
 * Decimal numbers as the French type and read them: "0,5" (a comma), though "0.5" is accepted
 * too — a tablet's keyboard may offer either.
 */

/** "0,5", "0.5", "2", ",5" → the number; `null` for anything else (letters, "1,2,3", "", "-1"). */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim()
  if (!/^(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return null
  return Number(trimmed.replace(',', '.'))
}

/** 0.5 → "0,5", 2 → "2", 1.25 → "1,25": as typed, without grouping or trailing zeros. */
export function formatDecimal(value: number): string {
  return value.toLocaleString('fr-FR', { maximumFractionDigits: 3, useGrouping: false })
}
