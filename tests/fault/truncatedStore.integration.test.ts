/**
 * FAULT MATRIX — the relay's disk store damaged, as a crash in the middle of a write leaves it.
 * About 2 s.
 *
 * Six meetings are edited, then the relay stops and each room log is cut at a random point —
 * inside the compacted snapshot for some, inside an appended record for others, one is emptied,
 * one gets garbage after its last record. The relay starts anyway, says what it could not read
 * (log line, `/metrics`, the unreadable bytes kept beside the log), serves what it could, and the
 * devices — which still hold everything — restore the rest by syncing. After another restart the
 * relay's own disk holds it all again.
 */
import { randomBytes } from 'node:crypto'
import { appendFile, readdir, readFile, stat, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeRecords } from '../../sync-server/roomLog'
import { seededRandom, testSeed, withSeed } from '../helpers/random'
import { Teardown, startRelay, tempDir } from '../helpers/relay'
import { waitFor } from '../helpers/waitFor'
import { editFor, expectNothingLost, newDevice, newMeetings, waitForConvergence } from './evening'

const teardown = new Teardown()
afterEach(() => teardown.run())

// Small limits, so that logs hold a compacted snapshot followed by appended records.
const tuning = { compaction: { maxRecords: 40, maxAppendedBytes: 1 << 20 } }

describe('fault matrix: damaged relay store', () => {
  it('starts on a truncated store, reports it, and the devices restore the rest', async () => {
    const seed = testSeed()
    await withSeed(seed, async () => {
      const random = seededRandom(seed)
      const dataDir = await tempDir(teardown, 'tandem-torn-')
      const roomsDir = join(dataDir, 'rooms')
      const first = await startRelay(teardown, dataDir, { tuning })
      const meetings = newMeetings(6)
      const devices = Array.from({ length: 12 }, (_, i) =>
        newDevice(teardown, meetings[i % meetings.length]!, first.syncUrl, random, {
          name: `device ${i}`,
        }),
      )
      await waitForConvergence(devices, 10_000)
      await editFor(devices, random, 800)
      await waitForConvergence(devices, 10_000)
      await first.stop() // devices go offline, keeping their copies

      // The damage.
      const damaged: string[] = []
      const logs = meetings.map((m) => join(roomsDir, `${m.roomId}.log`))
      for (const [i, log] of logs.entries()) {
        const size = (await stat(log)).size
        if (i === 0) await truncate(log, 0)
        else if (i === 1) await appendFile(log, randomBytes(37))
        else await truncate(log, tornAt(await readFile(log), 1 + random.int(size - 1)))
        damaged.push(`${i}: ${size} → ${(await stat(log)).size}`)
      }

      const second = await startRelay(teardown, dataDir, { tuning, config: { port: first.port } })
      await waitForConvergence(devices, 30_000)
      await expectNothingLost(teardown, devices, second.syncUrl)

      // It said so: one warning per damaged log (the emptied one has nothing to report), counted.
      const reports = second.logger.entries.filter((e) => e.event === 'log.unreadable_tail')
      expect(reports.length, damaged.join(', ')).toBe(logs.length - 1)
      const metrics = await (await fetch(`${second.httpUrl}/metrics`)).text()
      const unreadable = Number(/^tandem_unreadable_bytes_total (\d+)$/m.exec(metrics)![1])
      expect(unreadable).toBeGreaterThan(0)
      const aside = (await readdir(roomsDir)).filter((name) => name.includes('.unreadable-'))
      expect(aside.length).toBe(reports.length)
      for (const name of aside)
        expect((await readFile(join(roomsDir, name))).length).toBeGreaterThan(0)

      // Restored onto the relay's own disk: a third start, no device connected, serves it all.
      await waitFor(async () => {
        const health = await (await fetch(`${second.httpUrl}/healthz`)).json()
        return health.ok === true
      }, 'the relay to answer')
      await second.stop()
      for (const device of devices) device.client.provider.disconnect()
      const third = await startRelay(teardown, dataDir, { tuning })
      await expectNothingLost(teardown, devices, third.syncUrl)
      expect(third.logger.entries.filter((e) => e.event === 'log.unreadable_tail')).toEqual([])
    })
  }, 60_000)
})

/** `cut`, moved back to fall inside a record if it fell exactly between two: a torn write. */
function tornAt(data: Buffer, cut: number): number {
  while (cut > 1 && decodeRecords(data.subarray(0, cut)).validBytes === cut) cut--
  return cut
}
