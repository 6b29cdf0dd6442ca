import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { recordingLogger, Teardown, tempDir } from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'
import {
  defaultSnapshotPolicy,
  listSnapshots,
  readSnapshot,
  RoomSnapshots,
  toDelete,
  type SnapshotPolicy,
} from './snapshots'

const teardown = new Teardown()
afterEach(() => teardown.run())

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const policy: SnapshotPolicy = { ...defaultSnapshotPolicy, maxBytesPerRoom: 1_000_000 }

/** One snapshot a minute from `from` to `to` (ms), each `bytes` long. */
const everyMinute = (from: number, to: number, bytes = 1000) =>
  Array.from({ length: Math.floor((to - from) / MINUTE) + 1 }, (_, i) => ({
    at: from + i * MINUTE,
    bytes,
  }))

describe('toDelete (thinning)', () => {
  it('keeps every snapshot of the last hours, minute by minute', () => {
    const now = 10 * HOUR
    expect(toDelete(everyMinute(now - 3 * HOUR, now), now, policy)).toEqual([])
  })

  it('keeps the latest of each hour once older than that', () => {
    const now = 100 * HOUR
    const old = everyMinute(10 * HOUR, 12 * HOUR - MINUTE) // two hours, long ago
    const dropped = new Set(toDelete(old, now, policy))
    const kept = old.filter((s) => !dropped.has(s.at)).map((s) => s.at)
    expect(kept).toEqual([11 * HOUR - MINUTE, 12 * HOUR - MINUTE])
  })

  it('stays within the disk budget by dropping the oldest, never the newest', () => {
    const now = 10 * HOUR
    const recent = everyMinute(now - 30 * MINUTE, now, 100_000) // 31 × 100 kB
    const dropped = toDelete(recent, now, policy)
    const keptBytes = recent.filter((s) => !dropped.includes(s.at)).length * 100_000
    expect(keptBytes).toBeLessThanOrEqual(policy.maxBytesPerRoom)
    expect(dropped).not.toContain(now)
    expect(Math.min(...recent.filter((s) => !dropped.includes(s.at)).map((s) => s.at))).toBe(
      now - 9 * MINUTE,
    )
    // A single snapshot larger than the budget is still kept: it is the only way back.
    expect(toDelete([{ at: now, bytes: 5_000_000 }], now, policy)).toEqual([])
  })
})

describe('RoomSnapshots', () => {
  async function setUp(state: () => Uint8Array | null) {
    const dir = join(await tempDir(teardown, 'tandem-snap-'), 'room')
    const snapshots = new RoomSnapshots({
      dir,
      state,
      policy: { ...policy, intervalMs: 20 },
      logger: recordingLogger(),
      label: 'room',
    })
    teardown.add(() => snapshots.close())
    return { dir, snapshots }
  }

  it('takes one snapshot per interval of activity, and a last one when closed', async () => {
    const doc = new Y.Doc()
    const { dir, snapshots } = await setUp(() => Y.encodeStateAsUpdate(doc))
    doc.getText('t').insert(0, 'à 20:10')
    snapshots.changed()
    snapshots.changed()
    await waitFor(async () => (await listSnapshots(dir)).length === 1, 'a first snapshot')
    const [first] = await listSnapshots(dir)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, (await readSnapshot(dir, first!.at, 1 << 20))!)
    expect(copy.getText('t').toString()).toBe('à 20:10')

    doc.getText('t').insert(0, 'plus tard ')
    snapshots.changed()
    await snapshots.close()
    expect(await listSnapshots(dir)).toHaveLength(2)
    await snapshots.close() // nothing changed since: no third
    expect(await listSnapshots(dir)).toHaveLength(2)
  })

  it('takes none of a document that is not a meeting, nor of one nobody changed', async () => {
    const { dir, snapshots } = await setUp(() => null)
    snapshots.changed()
    await snapshots.close()
    const idle = await setUp(() => new Uint8Array([0, 0]))
    await idle.snapshots.close()
    expect(await readdir(dir).catch(() => [])).toEqual([])
    expect(await listSnapshots(idle.dir)).toEqual([])
  })
})
