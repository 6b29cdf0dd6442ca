/**
 * FAULT MATRIX — a tablet that worked offline all evening. HEAVY-ish: about 2 s.
 *
 * One device makes thousands of edits (notes typed keystroke by keystroke, proposals, timer,
 * attendance) with no network while two others keep editing the same meeting through the relay.
 * When it connects, its whole evening goes up in one sync message — well under the relay's
 * message limit — and every copy converges with nothing lost.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { seededRandom, testSeed, withSeed } from '../helpers/random'
import { Teardown, startRelay, tempDir } from '../helpers/relay'
import {
  edit,
  editFor,
  expectNothingLost,
  newDevice,
  newMeetings,
  waitForConvergence,
} from './evening'

const teardown = new Teardown()
afterEach(() => teardown.run())

const OFFLINE_EDITS = 3000

describe('fault matrix: long offline work', () => {
  it(`converges after ${OFFLINE_EDITS} offline edits meet the others' online ones`, async () => {
    const seed = testSeed()
    await withSeed(seed, async () => {
      const random = seededRandom(seed)
      const relay = await startRelay(teardown, await tempDir(teardown))
      const [meeting] = newMeetings(1)
      const online = [0, 1].map((i) =>
        newDevice(teardown, meeting!, relay.syncUrl, random, { name: `online ${i}` }),
      )
      const offline = newDevice(teardown, meeting!, relay.syncUrl, random, {
        name: 'offline tablet',
        operations: OFFLINE_EDITS,
        connect: false,
      })
      await waitForConvergence(online, 10_000)

      while (edit(offline)) {
        if (offline.applied % 500 === 0) await editFor(online, random, 20)
      }
      expect(offline.applied).toBe(OFFLINE_EDITS)
      const uploadBytes = Y.encodeStateAsUpdate(
        offline.client.doc,
        Y.encodeStateVector(online[0]!.client.doc),
      ).length

      const started = Date.now()
      offline.client.provider.connect()
      await editFor(online, random, 200)
      await waitForConvergence([...online, offline], 30_000)
      const convergedIn = Date.now() - started

      await expectNothingLost(teardown, [...online, offline], relay.syncUrl)
      expect(uploadBytes).toBeLessThan(1024 * 1024)
      console.info(
        `long offline: ${OFFLINE_EDITS} edits, ${uploadBytes} bytes to upload, converged in ${convergedIn} ms`,
      )
    })
  }, 60_000)
})
