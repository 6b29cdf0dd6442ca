/**
 * FAULT MATRIX — flapping network. HEAVY-ish: about 2.5 s.
 *
 * 12 devices in 4 meetings, each behind its own link to the relay. For a second and a half, links are
 * cut and restored at random (every cut drops whatever was in flight, WebSocket frames cut in
 * the middle included) while every device keeps editing. Then the network settles: every copy
 * converges and nothing is lost.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../src/sync/protocol'
import { startCuttableProxy, type CuttableProxy } from '../helpers/cuttableProxy'
import { seededRandom, testSeed, withSeed } from '../helpers/random'
import { Teardown, startRelay, tempDir } from '../helpers/relay'
import { edit, expectNothingLost, newDevice, newMeetings, waitForConvergence } from './evening'

const teardown = new Teardown()
afterEach(() => teardown.run())

describe('fault matrix: flapping network', () => {
  it('converges with nothing lost after links drop and return at random', async () => {
    const seed = testSeed()
    await withSeed(seed, async () => {
      const random = seededRandom(seed)
      const relay = await startRelay(teardown, await tempDir(teardown))
      const meetings = newMeetings(4)
      const links: CuttableProxy[] = []
      const devices = []
      for (let i = 0; i < 12; i++) {
        const link = await startCuttableProxy(relay.port)
        teardown.add(() => link.close())
        links.push(link)
        devices.push(
          newDevice(teardown, meetings[i % meetings.length]!, link.syncUrl, random, {
            name: `device ${i}`,
          }),
        )
      }
      await waitForConvergence(devices, 10_000)

      // 120 steps (about 1.5 s): edits, and a link cut or restored now and then. Counted in steps,
      // not seconds, so a seed gives the same cuts however loaded the machine is.
      let edits = 0
      let cuts = 0
      for (let step = 0; step < 120; step++) {
        for (let i = 0; i < 3; i++) if (edit(random.pick(devices))) edits++
        const link = random.pick(links)
        if (link.up && random.chance(0.2)) {
          link.cut()
          cuts++
        } else if (!link.up && random.chance(0.3)) link.restore()
        await new Promise((resolve) => setTimeout(resolve, 5 + random.int(20)))
      }
      for (const link of links) link.restore()
      await waitForConvergence(devices, 30_000)

      await expectNothingLost(teardown, devices, relay.syncUrl)
      const reconnections = devices.reduce((n, d) => n + d.client.closeCodes.length, 0)
      expect(cuts).toBeGreaterThanOrEqual(5)
      expect(reconnections).toBeGreaterThanOrEqual(5)
      // Coming back as often as a flapping link allows is never a rate refusal (4529).
      expect(devices.flatMap((d) => d.client.closeCodes)).not.toContain(CloseCode.rateLimited)
      console.info(`flapping: ${edits} edits, ${cuts} cuts, ${reconnections} dropped connections`)
    })
  }, 60_000)
})
