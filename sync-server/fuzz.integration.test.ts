/**
 * BAD INPUT — the relay fuzzed. HEAVY: about 40 s on two busy cores, in two parts.
 *
 * 1. Through a room's message handling, in process: 25,000 hostile frames
 *    (`tests/helpers/fuzzFrames.ts`: random, truncated, corrupt and structurally hostile Yjs
 *    updates), each one decoded and acted on (a connection refused for a bad frame is replaced by
 *    a fresh one), so every frame reaches the parser and, when it decodes, Yjs and the disk. At
 *    the end the devices that watched, a fresh device and the room reloaded from its log all
 *    hold the same document.
 * 2. From outside, over the network: a real relay process receives ≥ 100,000 hostile frames
 *    over hundreds of connections (mostly with a valid key, some with wrong keys, read keys or
 *    bad room names), each connection closed properly so every frame sent arrives. Meanwhile
 *    well-behaved devices in other meetings keep editing, and each edit must reach the other
 *    device of its meeting, throughout; a device stays connected to one fuzzed meeting. The relay
 *    must never crash, its memory must stay bounded, and at the end every device, a fresh device
 *    and the relay restarted on its data hold the same document, meeting by meeting.
 *    (A refused connection stops being handled at its first bad frame: the frames it sends
 *    after that exercise the WebSocket layer and the refusal path, not the parser — part 1 does.)
 *
 * `TANDEM_SEED=<n>` replays a run; `TANDEM_FUZZ_FRAMES=<n>` changes the number of frames.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { protocolsFor, SUBPROTOCOL } from '../src/sync/protocol'
import { spawnRelay } from '../tests/helpers/childRelay'
import {
  framePools,
  fuzzFrame,
  oversizedFrame,
  type FramePools,
  type FuzzFrame,
} from '../tests/helpers/fuzzFrames'
import { seededRandom, testSeed, withSeed, type Random } from '../tests/helpers/random'
import { Teardown, connectClient, tempDir, type TestClient } from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'
import { join } from 'node:path'
import { FakeSocket } from '../tests/helpers/fakeSocket'
import { expectInvariant, fingerprint, freshCopy, Replica } from '../tests/helpers/roomReplicas'
import type { Logger } from './log'
import { Metrics } from './metrics'
import { Room, type RoomOptions } from './room'

const teardown = new Teardown()
afterEach(() => teardown.run())

const silentLogger: Logger = { info() {}, warn() {}, error() {} }

const FRAMES = Number(process.env.TANDEM_FUZZ_FRAMES ?? 100_000)
/** Frames for the in-process part: each bad one costs a connection, so fewer suffice. */
const ROOM_FRAMES = Math.round(FRAMES / 4)
const LANES = 12
const MAX_MESSAGE_BYTES = 64 * 1024
/**
 * How long an edit of a well-behaved device may take to reach its peer while the fuzz runs: not a
 * timing assertion (the bench measures latency), a bound on waiting for an edit that got lost.
 */
const MAX_PROPAGATION_MS = 20_000
/** Memory the relay may use under the fuzz (it starts around 80 MB). */
const MAX_RSS_BYTES = 400 * 1024 * 1024

function metric(text: string, name: string): number {
  const match = new RegExp(`^${name.replace(/[{}"]/g, (c) => `\\${c}`)} (\\S+)$`, 'm').exec(text)
  return match ? Number(match[1]) : NaN
}

/**
 * One lane: connect, pour a batch, then close properly (or let the relay close it) so that every
 * frame sent reaches the relay; start again.
 */
async function lane(
  url: string,
  rooms: Array<{ roomId: string; protocols: string[] }>,
  random: Random,
  pools: FramePools,
  budget: { remaining: number; sent: number; connections: number; oversized: number },
  alive: () => boolean,
): Promise<void> {
  // A relay that died ends the fuzz at once: the checks below then say so.
  while (budget.remaining > 0 && alive()) {
    const room = random.pick(rooms)
    const variant = random.int(20)
    const protocols =
      variant === 0
        ? protocolsFor(newWriteKey())
        : variant === 1
          ? [SUBPROTOCOL, 'key.garbage']
          : room.protocols
    const path = variant === 2 ? `${url}/not-a-room` : `${url}/${room.roomId}`
    const socket = new WebSocket(path, protocols)
    budget.connections++
    socket.on('error', () => {})
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    const opened = await Promise.race([
      new Promise<boolean>((resolve) => socket.once('open', () => resolve(true))),
      closed.then(() => false),
    ])
    if (opened) {
      // Half the connections open with valid frames, so the relay decodes and applies many of
      // them (and meets its rate limits) before the hostile ones.
      const batch = 20 + random.int(380)
      const validFirst = random.chance(0.5) ? random.int(batch) : 0
      for (let i = 0; i < batch && budget.remaining > 0; i++) {
        if (socket.readyState !== WebSocket.OPEN) break
        const frame: FuzzFrame =
          i < validFirst ? random.pick(pools.valid) : fuzzFrame(random, pools, MAX_MESSAGE_BYTES)
        socket.send(frame, { binary: typeof frame !== 'string' })
        budget.remaining--
        budget.sent++
      }
      if (random.chance(0.05) && socket.readyState === WebSocket.OPEN) {
        socket.send(oversizedFrame(MAX_MESSAGE_BYTES))
        budget.oversized++
      }
      socket.close()
    }
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 3000))])
    socket.terminate()
  }
}

/**
 * Each device, once back in sync, holds what a device connecting now gets: the same document,
 * content and state vector.
 */
async function expectFreshDevicesAgree(syncUrl: string, devices: TestClient[], when: string) {
  for (const device of devices) {
    const fresh = connectClient(
      teardown,
      syncUrl,
      device.provider.roomname,
      device.provider.protocols,
    )
    await waitFor(
      () =>
        device.provider.synced &&
        fresh.provider.synced &&
        JSON.stringify(fingerprint(fresh.doc)) === JSON.stringify(fingerprint(device.doc)),
      `a fresh device to hold what a device holds ${when}`,
      MAX_PROPAGATION_MS,
    )
    fresh.provider.destroy()
  }
}

describe('relay under fuzzing', () => {
  it(`handles ${ROOM_FRAMES} hostile frames in a room: devices, a fresh device and the reloaded room agree`, async () => {
    const seed = testSeed()
    await withSeed(seed, async () => {
      const random = seededRandom(seed)
      const pools = framePools(random)
      const dir = await tempDir(teardown, 'tandem-room-fuzz-')
      const file = join(dir, 'room.log')
      const metrics = new Metrics()
      const roomOptions: RoomOptions = {
        id: capabilityFromKey(newWriteKey(), 'write').roomId,
        logFile: file,
        after: Promise.resolve(),
        compaction: { maxRecords: 200, maxAppendedBytes: 1 << 20 },
        limits: {
          maxDocumentBytes: 1024 * 1024,
          maxMessageBytes: MAX_MESSAGE_BYTES,
          messagesPerSecond: 1_000_000,
          bytesPerSecond: 1024 * 1024 * 1024,
          maxPresenceBytes: 64 * 1024,
          maxPresencesPerConnection: 8,
          maxBufferedBytes: 64 * 1024 * 1024,
        },
        logger: silentLogger,
        metrics,
        onEmpty: () => {},
      }
      const room = new Room(roomOptions)
      await room.ready
      const watchers = [new Replica(room, 'read'), new Replica(room, 'read')]
      let socket = new FakeSocket()
      socket.readyState = 3 // none yet: the loop opens the first
      let connections = 0
      for (let i = 0; i < ROOM_FRAMES; i++) {
        if (socket.readyState !== 1) {
          socket.finishClose()
          socket = new FakeSocket()
          room.attach(socket.asWebSocket, random.chance(0.8) ? 'write' : 'read')
          connections++
        }
        socket.receive(fuzzFrame(random, pools, MAX_MESSAGE_BYTES))
        // Messages are handled once the room is ready: let each one through before the next.
        await Promise.resolve()
      }
      expect(metrics.messagesHandled).toBe(ROOM_FRAMES)
      expect(watchers.every(({ socket }) => socket.closedWith === null)).toBe(true)
      // The watchers, a fresh device and the log hold the same document; so does the room
      // loaded again from that log, as after a restart.
      const memory = await expectInvariant(room, file, watchers)
      await room.close()
      const restarted = new Room({ ...roomOptions, after: Promise.resolve() })
      teardown.add(() => restarted.close())
      await restarted.ready
      expect(fingerprint(await freshCopy(restarted))).toEqual(fingerprint(memory))
      console.info(
        `room fuzz: ${ROOM_FRAMES} frames handled over ${connections} connections, ` +
          `refusals ${[...metrics.refusals]
            .filter(([, n]) => n > 0)
            .map(([r, n]) => `${r}=${n}`)
            .join(' ')}, ` +
          `${metrics.updatesStored} records stored`,
      )
    })
  }, 120_000)

  it(`survives ${FRAMES} hostile frames while other meetings keep syncing, then devices, fresh ones and the restarted relay agree`, async () => {
    const seed = testSeed()
    await withSeed(seed, async () => {
      const random = seededRandom(seed)
      const pools = framePools(random)
      const dataDir = await tempDir(teardown, 'tandem-fuzz-')
      const env = {
        MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
        MAX_DOCUMENT_BYTES: String(1024 * 1024),
        ROOM_IDLE_SECONDS: '0.2',
      }
      let relay = await spawnRelay(teardown, { dataDir, env })
      const alive = () => relay.process.exitCode === null && relay.process.signalCode === null
      const fuzzRooms = Array.from({ length: 6 }, () => {
        const writeKey = newWriteKey()
        const capability = capabilityFromKey(writeKey, 'write')
        return {
          roomId: capability.roomId,
          protocols: random.chance(0.3) ? protocolsFor(capability.readKey) : protocolsFor(writeKey),
          write: protocolsFor(writeKey),
        }
      })
      // A device in the thick of it: connected to a fuzzed meeting all along.
      const witness = connectClient(
        teardown,
        relay.syncUrl,
        fuzzRooms[0]!.roomId,
        fuzzRooms[0]!.write,
      )
      await waitFor(() => witness.provider.synced, 'the witness to sync')

      // Well-behaved meetings: a writer and a reader device each, edits timed end to end.
      const pairs: Array<{ writer: TestClient; peer: TestClient }> = []
      for (let i = 0; i < 3; i++) {
        const writeKey = newWriteKey()
        const { roomId } = capabilityFromKey(writeKey, 'write')
        const writer = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
        const peer = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
        pairs.push({ writer, peer })
      }
      for (const { writer, peer } of pairs)
        await waitFor(() => writer.provider.synced && peer.provider.synced, 'good devices to sync')
      const latencies: number[] = []
      let fuzzing = true
      const goodTraffic = (async () => {
        let n = 0
        while (fuzzing && alive()) {
          for (const { writer, peer } of pairs) {
            const mark = `${n};`
            const sent = performance.now()
            writer.doc.getText('t').insert(writer.doc.getText('t').length, mark)
            await waitFor(
              () => peer.doc.getText('t').toString().endsWith(mark),
              `edit ${n} to reach its peer during the fuzz`,
              MAX_PROPAGATION_MS,
            )
            latencies.push(performance.now() - sent)
          }
          n++
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      })()

      const memory: number[] = []
      const sampler = setInterval(() => {
        void fetch(`${relay.httpUrl}/metrics`)
          .then((r) => r.text())
          .then((text) => memory.push(metric(text, 'process_resident_memory_bytes')))
          .catch(() => {})
      }, 250)

      const receivedBefore = metric(
        await (await fetch(`${relay.httpUrl}/metrics`)).text(),
        'tandem_messages_received_total',
      )
      const budget = { remaining: FRAMES, sent: 0, connections: 0, oversized: 0 }
      const started = performance.now()
      await Promise.all(
        Array.from({ length: LANES }, (_, i) =>
          lane(relay.syncUrl, fuzzRooms, seededRandom(seed + i + 1), pools, budget, alive),
        ),
      )
      const fuzzMs = performance.now() - started
      fuzzing = false
      await goodTraffic
      clearInterval(sampler)

      // Never crashed, still serving, every good meeting intact.
      expect(relay.process.exitCode).toBeNull()
      expect(relay.process.signalCode).toBeNull()
      const health = await (await fetch(`${relay.httpUrl}/healthz`)).json()
      expect(health.ok).toBe(true)
      for (const { writer, peer } of pairs) {
        expect(peer.doc.getText('t').toString()).toBe(writer.doc.getText('t').toString())
        expect(writer.closeCodes).toEqual([])
      }
      expect(witness.closeCodes).toEqual([])
      const devices = [...pairs.flatMap(({ writer, peer }) => [writer, peer]), witness]
      await expectFreshDevicesAgree(relay.syncUrl, devices, 'during the fuzz')
      expect(relay.output.join('\n')).not.toMatch(/uncaught|unhandled|TypeError|RangeError/i)

      // Memory stayed bounded, and the fuzzed rooms are unloaded once their sockets are gone.
      expect(Math.max(...memory)).toBeLessThan(MAX_RSS_BYTES)
      await waitFor(
        async () =>
          metric(await (await fetch(`${relay.httpUrl}/metrics`)).text(), 'tandem_rooms_loaded') ===
          pairs.length + 1,
        'fuzzed rooms to be unloaded',
        10_000,
      )

      const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text()
      // Frames of the fuzz that reached the relay: the count since it started, less the good
      // devices' edits (one message each).
      const received =
        metric(metrics, 'tandem_messages_received_total') - receivedBefore - latencies.length
      const handled = metric(metrics, 'tandem_messages_handled_total')
      const refusals = [...metrics.matchAll(/^tandem_refusals_total\{reason="(\w+)"\} (\d+)$/gm)]
        .filter(([, , count]) => count !== '0')
        .map(([, reason, count]) => `${reason}=${count}`)
      expect(budget.sent).toBe(FRAMES)
      // Every frame sent arrived (the oversized ones are cut by the WebSocket layer itself).
      expect(received).toBeGreaterThanOrEqual(FRAMES)
      console.info(
        `fuzz: ${budget.sent} frames in ${Math.round(fuzzMs)} ms ` +
          `(${Math.round((budget.sent / fuzzMs) * 1000)}/s) over ${budget.connections} connections; ` +
          `relay received ${received}, handled ${handled} before refusals; refusals ${refusals.join(' ')}; ` +
          `max RSS ${Math.round(Math.max(...memory) / 2 ** 20)} MiB; ` +
          `good edits ${latencies.length}, worst ${Math.round(Math.max(...latencies))} ms`,
      )

      // Restarted on its data, the relay gives every meeting back as its devices hold it.
      await relay.kill('SIGTERM')
      relay = await spawnRelay(teardown, { dataDir, env, port: relay.port })
      await expectFreshDevicesAgree(relay.syncUrl, devices, 'after a restart')
    })
  }, 180_000)
})
