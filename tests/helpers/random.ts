/**
 * A small seeded random generator (mulberry32) for tests that must replay exactly: the same seed
 * gives the same choices. Tests print their seed when they fail; `TANDEM_SEED=<n>` replays it.
 */
export interface Random {
  readonly seed: number
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return { seed, next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p }
}

/** The seed for this run: `TANDEM_SEED` if set (to replay a failure), otherwise a fresh one. */
export function testSeed(): number {
  const fromEnv = process.env.TANDEM_SEED
  return fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31)
}

/** Runs `body`; if it throws, the error says which seed to replay. */
export async function withSeed<T>(seed: number, body: () => Promise<T>): Promise<T> {
  try {
    return await body()
  } catch (error) {
    if (error instanceof Error)
      error.message = `${error.message}\n(replay with TANDEM_SEED=${seed})`
    throw error
  }
}
