import { afterAll, beforeAll } from 'vitest'

/**
 * Runs the enclosing `describe` in `zone` (Node reads `TZ` again when it changes): the machine's
 * zone is often UTC, where local-time and UTC bugs cannot be told apart.
 */
export function inTimeZone(zone: string): void {
  const before = process.env.TZ
  beforeAll(() => {
    process.env.TZ = zone
  })
  afterAll(() => {
    if (before === undefined) delete process.env.TZ
    else process.env.TZ = before
  })
}
