/**
 * Fuzz-time fan-out (issue 15): while attackers with write keys pour hostile frames into some
 * meetings at the relay's own rate limits, how long do the other meetings' edits take to reach
 * their peers, and how long does `/healthz` take to answer?
 *
 * Tandem's relay with its default limits (an evening's, not the fan-out bench's raised ones):
 * - attackers: `ATTACKERS` connections, each in its own meeting, sending at just under
 *   `RATE_MESSAGES_PER_SECOND` a mix of the fuzzer's frames (`tests/helpers/fuzzFrames.ts`),
 *   1 KB updates whose dependencies never come, and types nested 5,000 deep (135 KB: the byte
 *   rate closes those connections, 4529); a closed attacker reconnects at once;
 * - meetings: `ROOMS` of a writer and a peer, the writer editing `EDITS_PER_SECOND` times a
 *   second; latency from the edit to its application by the peer;
 * - `/healthz` polled every 100 ms, latency from request to full answer;
 * - the same meetings and polls for `QUIET_SECONDS` without attackers first: on a machine shared
 *   with other work, the floor the fuzz-time figures are to be read against.
 */
import { request } from 'node:http'
import { WebSocket } from 'ws'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { protocolsFor } from '../src/sync/protocol'
import { syncUpdateFrame } from '../tests/helpers/frames'
import { framePools, fuzzFrame } from '../tests/helpers/fuzzFrames'
import { deepNesting } from '../tests/helpers/hostileUpdates'
import { seededRandom } from '../tests/helpers/random'
import { rawUpdate } from '../tests/helpers/rawUpdates'
import type { RunningRelay } from './relays'
import { now, quantile, sleep } from './report'
import { SyncClient } from './syncClient'

const ATTACKERS = 8
/** Just under the relay's default 100 messages per second per connection. */
const ATTACK_MESSAGES_PER_SECOND = 90
const ROOMS = 5
const EDITS_PER_SECOND = 5
const QUIET_SECONDS = 5
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024

export interface Percentiles {
  p50: number
  p95: number
  max: number
  samples: number
}

export interface FuzzLoadResult {
  seconds: number
  /** The same honest traffic before the attack. */
  quiet: { fanout: Percentiles; healthz: Percentiles }
  framesSent: number
  attackerConnections: number
  fanout: Percentiles & { lost: number }
  healthz: Percentiles
  relayCores: number
}

function percentiles(values: number[]): Percentiles {
  return {
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    max: values.length ? Math.max(...values) : Number.NaN,
    samples: values.length,
  }
}

/** The expensive kinds the issue found: deep nesting, and updates waiting for what never comes. */
function expensiveFrames(): { deep: Uint8Array; orphans: Uint8Array[] } {
  const deep = syncUpdateFrame(deepNesting(5000))
  const orphans = Array.from({ length: 200 }, (_, i) =>
    syncUpdateFrame(
      rawUpdate([
        {
          client: 5000 + i,
          clock: 0,
          structs: [{ origin: { client: 4999, clock: i }, content: { string: 'o'.repeat(1000) } }],
        },
      ]),
    ),
  )
  return { deep, orphans }
}

/** Frames made before the clock starts: the bench's own CPU must go to sending them. */
function attackFrames(seed: number) {
  const random = seededRandom(seed)
  return { random, pools: framePools(random), ...expensiveFrames() }
}

async function attacker(
  url: string,
  protocols: string[],
  { random, pools, deep, orphans }: ReturnType<typeof attackFrames>,
  until: number,
  counts: { frames: number; connections: number },
): Promise<void> {
  while (now() < until) {
    const socket = new WebSocket(url, protocols, { perMessageDeflate: false })
    counts.connections++
    socket.on('error', () => {})
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    const opened = await Promise.race([
      new Promise<boolean>((resolve) => socket.once('open', () => resolve(true))),
      closed.then(() => false),
    ])
    while (opened && socket.readyState === WebSocket.OPEN && now() < until) {
      const pick = random.next()
      const frame =
        pick < 0.5
          ? fuzzFrame(random, pools, MAX_MESSAGE_BYTES)
          : pick < 0.9
            ? random.pick(orphans)
            : deep
      socket.send(frame, { binary: typeof frame !== 'string' })
      counts.frames++
      await sleep(1000 / ATTACK_MESSAGES_PER_SECOND)
    }
    socket.terminate()
    await closed
  }
}

function healthz(port: number): Promise<number> {
  const started = now()
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
      res.resume()
      res.on('end', () => resolve(now() - started))
    })
    req.on('error', reject)
    req.end()
  })
}

export async function runFuzzLoad(relay: RunningRelay, seconds: number): Promise<FuzzLoadResult> {
  // Honest meetings: a writer and a peer each, synced before the attack starts.
  const meetings = Array.from({ length: ROOMS }, () => {
    const key = newWriteKey()
    const url = relay.roomUrl(capabilityFromKey(key, 'write').roomId)
    return { writer: new SyncClient(url, key), peer: new SyncClient(url, key) }
  })
  await Promise.all(meetings.flatMap(({ writer, peer }) => [writer.synced, peer.synced]))
  let latencies: number[] = []
  const pending = meetings.map(() => new Map<number, number>()) // seq → when it was made
  meetings.forEach(({ peer }, room) =>
    peer.doc.on('update', () => {
      const seen = peer.doc.getMap<number>('bench').get('seq') ?? -1
      for (const [seq, t0] of pending[room]!)
        if (seq <= seen) {
          latencies.push(now() - t0)
          pending[room]!.delete(seq)
        }
    }),
  )
  let seq = 0
  /** Edits and polls `/healthz` until `until`; returns the health latencies. */
  const honestTraffic = async (until: number) => {
    const health: number[] = []
    const edits = meetings.map(async ({ writer }, room) => {
      await sleep(Math.random() * (1000 / EDITS_PER_SECOND))
      while (now() < until) {
        const mine = seq++
        pending[room]!.set(mine, now())
        writer.edit((doc) => doc.getMap<number>('bench').set('seq', mine))
        await sleep(1000 / EDITS_PER_SECOND)
      }
    })
    const polls = (async () => {
      while (now() < until) {
        health.push(await healthz(relay.port))
        await sleep(100)
      }
    })()
    await Promise.all([...edits, polls])
    await sleep(1000) // the last edits' drain
    return health
  }

  // The same traffic without attackers first: on a shared machine, the floor of the figures.
  const quietHealth = await honestTraffic(now() + QUIET_SECONDS * 1000)
  const quiet = { fanout: percentiles(latencies), healthz: percentiles(quietHealth) }
  latencies = []

  const frames = Array.from({ length: ATTACKERS }, (_, i) => attackFrames(1000 + i))
  const cpuBefore = (await relay.probe()).cpuMs
  const started = now()
  const until = started + seconds * 1000
  const counts = { frames: 0, connections: 0 }
  const attacks = frames.map((made) => {
    const key = newWriteKey()
    const url = relay.roomUrl(capabilityFromKey(key, 'write').roomId)
    return attacker(url, protocolsFor(key), made, until, counts)
  })
  const [health] = await Promise.all([honestTraffic(until), ...attacks])
  const relayCores = ((await relay.probe()).cpuMs - cpuBefore) / (now() - started)
  const lost = pending.reduce((sum, room) => sum + room.size, 0)
  for (const { writer, peer } of meetings) {
    writer.close()
    peer.close()
  }
  return {
    seconds,
    framesSent: counts.frames,
    attackerConnections: counts.connections,
    quiet,
    fanout: { ...percentiles(latencies), lost },
    healthz: percentiles(health),
    relayCores,
  }
}
