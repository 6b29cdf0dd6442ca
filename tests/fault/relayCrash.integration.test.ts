/**
 * FAULT MATRIX — the relay killed (SIGKILL) in the middle of an evening. HEAVY: a real relay
 * process and 25 clients; about 3 s.
 *
 * 25 devices in 10 meetings make random app-level edits. The relay process is killed without
 * warning (no shutdown handler runs: whatever it had not written is gone from its side), the
 * devices keep editing offline, and the relay is started again on the same data folder. Once
 * every device has reconnected, every copy of each meeting is identical, holds every edit any
 * device made, and so does the relay (a fresh device gets it all from it).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { spawnRelay } from '../helpers/childRelay'
import { seededRandom, testSeed, withSeed } from '../helpers/random'
import { Teardown, tempDir } from '../helpers/relay'
import { editFor, expectNothingLost, newDevice, newMeetings, waitForConvergence } from './evening'

const teardown = new Teardown()
afterEach(() => teardown.run())

describe('fault matrix: relay crash', () => {
  it('loses nothing when the relay is SIGKILLed mid-evening and restarted on its data', async () => {
    const seed = testSeed()
    await withSeed(seed, async () => {
      const random = seededRandom(seed)
      const dataDir = await tempDir(teardown, 'tandem-crash-')
      const first = await spawnRelay(teardown, { dataDir })
      const meetings = newMeetings(10)
      const devices = Array.from({ length: 25 }, (_, i) =>
        newDevice(teardown, meetings[i % meetings.length]!, first.syncUrl, random, {
          name: `device ${i}`,
        }),
      )
      await waitForConvergence(devices, 10_000)

      const started = Date.now()
      let edits = await editFor(devices, random, 300 + random.int(500), 15, 4)
      await first.kill('SIGKILL')
      expect(first.process.signalCode).toBe('SIGKILL')
      edits += await editFor(devices, random, 300, 15, 4) // offline, each on its own
      const second = await spawnRelay(teardown, { dataDir, port: first.port })
      edits += await editFor(devices, random, 300, 15, 4) // reconnecting while editing
      await waitForConvergence(devices, 30_000)
      const convergedAfter = Date.now() - started

      await expectNothingLost(teardown, devices, second.syncUrl)
      expect(edits).toBeGreaterThan(100)
      expect(second.output.join('\n')).not.toMatch(/level=error/)
      console.info(`relay crash: ${edits} edits, converged ${convergedAfter} ms after the first`)
    })
  }, 60_000)
})
