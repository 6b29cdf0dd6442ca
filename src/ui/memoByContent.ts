import { memo, type FunctionComponent } from 'react'

/**
 * A component that renders again only when the content of its props changes, not their
 * identity: a wall card rebuilt from the same proposals (another atelier transmitted) is the
 * same card, and React skips it. For props that are plain data (snapshots of the document),
 * cheap to compare next to a render.
 *
 * @example
 *   export const WallGroupCard = memoByContent(function WallGroupCard({ item }: Props) { … })
 */
export function memoByContent<P extends object>(component: FunctionComponent<P>) {
  return memo(component, sameContent)
}

/** Deep equality of plain data: primitives, arrays and plain objects; anything else by identity. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameContent(x, b[i]))
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length &&
    keys.every(
      (key) =>
        Object.prototype.hasOwnProperty.call(b, key) &&
        sameContent((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  )
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
