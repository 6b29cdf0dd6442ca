/**
 * Shapes of the restitution wall's grid. A projector is wide (16:9) and must be read from the
 * back of the room without scrolling: the wall tries a few grids for its number of cards and
 * keeps the one where the type can be largest (see `useFitText`).
 */
export interface GridShape {
  cols: number
  rows: number
}

/** Beyond this many rows a card holds too few lines to read. */
const MAX_ROWS = 4
/** Narrower columns than this (on a 16:9 screen) wrap every other word. */
const MAX_COLS = 6

/** The grids worth trying for `count` cards, fewest rows first, no empty row or column. */
export function gridCandidates(count: number): GridShape[] {
  if (count <= 1) return [{ cols: 1, rows: 1 }]
  const shapes: GridShape[] = []
  for (let rows = 1; rows <= Math.min(count, MAX_ROWS); rows++) {
    const cols = Math.ceil(count / rows)
    const shape = { cols, rows: Math.ceil(count / cols) }
    if (shape.cols > MAX_COLS) continue
    if (!shapes.some((other) => other.cols === shape.cols)) shapes.push(shape)
  }
  // Many cards (over 24): as many rows as it takes, at the widest readable columns.
  return shapes.length > 0 ? shapes : [{ cols: MAX_COLS, rows: Math.ceil(count / MAX_COLS) }]
}
