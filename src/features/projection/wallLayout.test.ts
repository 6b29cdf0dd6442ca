import { describe, expect, it } from 'vitest'
import { gridCandidates } from './wallLayout'

describe('wall grid shapes', () => {
  it('tries wide and squarer grids, never an empty row or column', () => {
    expect(gridCandidates(0)).toEqual([{ cols: 1, rows: 1 }])
    expect(gridCandidates(1)).toEqual([{ cols: 1, rows: 1 }])
    expect(gridCandidates(4)).toEqual([
      { cols: 4, rows: 1 },
      { cols: 2, rows: 2 },
      { cols: 1, rows: 4 },
    ])
    expect(gridCandidates(6)).toEqual([
      { cols: 6, rows: 1 },
      { cols: 3, rows: 2 },
      { cols: 2, rows: 3 },
    ])
    expect(gridCandidates(10)).toEqual([
      { cols: 5, rows: 2 },
      { cols: 4, rows: 3 },
      { cols: 3, rows: 4 },
    ])
    for (let count = 1; count <= 40; count++)
      for (const { cols, rows } of gridCandidates(count)) {
        expect(cols * rows).toBeGreaterThanOrEqual(count)
        expect((rows - 1) * cols).toBeLessThan(count)
        expect(cols).toBeLessThanOrEqual(6)
      }
  })
})
