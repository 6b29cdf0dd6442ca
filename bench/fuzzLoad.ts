/**
 * Fuzz-time fan-out (issue 15): while attackers with write keys pour hostile frames into some
 * meetings at the relay's own rate limits, how long do the other meetings' edits take to reach
 * their peers, and how long does `/healthz` take to answer?
 *
 * Tandem's relay with its default limits (an evening's, not the fan-out bench's raised ones):
 * - attackers: `ATTACKERS` connections, each in its own meeting, in a process of their own
 *   (`fuzzAttackers.ts`, which says what they send), so that making frames does not delay the
 *   honest clients' event loop, which times them;
 * - meetings: `ROOMS` of a writer and a peer, the writer editing `EDITS_PER_SECOND` times a
 *   second; latency from the edit to its application by the peer;
 * - `/healthz` polled every 100 ms, latency from request to full answer;
 * - the same meetings and polls for `QUIET_SECONDS` without attackers first: on a machine shared
 *   with other work, the floor the fuzz-time figures are to be read against.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { join } from 'node:path'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { protocolsFor } from '../src/sync/protocol'
import type { AttackCommand, AttackReport } from './fuzzAttackers'
import type { Probe, RunningRelay } from './relays'
import { now, quantile, sleep } from './report'
import { SyncClient } from './syncClient'

const ATTACKERS = 8
const ROOMS = 5
const EDITS_PER_SECOND = 5
const QUIET_SECONDS = 5

export interface Percentiles {
  p50: number
  p95: number
  max: number
  samples: number
}

export interface FuzzLoadResult {
  seconds: number
  /** The same honest traffic before the attack. */
  quiet: { fanout: Percentiles; healthz: Percentiles; loop: LoopDelay }
  framesSent: number
  attackerConnections: number
  fanout: Percentiles & { lost: number }
  healthz: Percentiles
  /** How late the relay's event loop ran while fuzzed: what the relay itself made others wait. */
  loop: LoopDelay
  relayCores: number
  /** The relay's CPU time while fuzzed (honest traffic included), per hostile frame sent. */
  relayCpuMsPerFrame: number
}

export interface LoopDelay {
  p99: number
  max: number
}

const loopDelayOf = (probe: Probe): LoopDelay => ({
  p99: probe.loopDelayP99Ms,
  max: probe.loopDelayMaxMs,
})

function percentiles(values: number[]): Percentiles {
  return {
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    max: values.length ? Math.max(...values) : Number.NaN,
    samples: values.length,
  }
}

/** The attackers' process: `command` sent, the report of the kind asked for awaited. */
function attackersProcess(): {
  ask<T extends AttackReport['type']>(
    command: AttackCommand,
    answer: T,
  ): Promise<Extract<AttackReport, { type: T }>>
  stop(): void
} {
  const child: ChildProcess = fork(join(import.meta.dirname, 'fuzzAttackers.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return {
    ask: (command, answer) =>
      new Promise((resolve, reject) => {
        const onMessage = (report: AttackReport) => {
          if (report.type !== answer) return
          child.off('exit', onExit)
          child.off('message', onMessage)
          resolve(report as never)
        }
        const onExit = (code: number | null) => reject(new Error(`attackers exited (${code})`))
        child.on('message', onMessage)
        child.once('exit', onExit)
        child.send(command)
      }),
    stop: () => child.kill('SIGKILL'),
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

  const attackers = attackersProcess()
  try {
    // Frames made before anything is timed, then the same traffic without attackers: on a
    // shared machine, the floor of the figures.
    const specs = Array.from({ length: ATTACKERS }, (_, i) => {
      const key = newWriteKey()
      const url = relay.roomUrl(capabilityFromKey(key, 'write').roomId)
      return { url, protocols: protocolsFor(key), seed: 1000 + i }
    })
    await attackers.ask({ type: 'prepare', attackers: specs }, 'ready')
    await relay.probe() // starts the quiet phase's loop delay
    const quietHealth = await honestTraffic(now() + QUIET_SECONDS * 1000)
    const beforeAttack = await relay.probe()
    const quiet = {
      fanout: percentiles(latencies),
      healthz: percentiles(quietHealth),
      loop: loopDelayOf(beforeAttack),
    }
    latencies = []

    const started = now()
    const [health, counts] = await Promise.all([
      honestTraffic(started + seconds * 1000),
      attackers.ask({ type: 'start', seconds }, 'done'),
    ])
    const afterAttack = await relay.probe()
    const relayCpuMs = afterAttack.cpuMs - beforeAttack.cpuMs
    return {
      seconds,
      framesSent: counts.frames,
      attackerConnections: counts.connections,
      quiet,
      fanout: {
        ...percentiles(latencies),
        lost: pending.reduce((sum, room) => sum + room.size, 0),
      },
      healthz: percentiles(health),
      loop: loopDelayOf(afterAttack),
      relayCores: relayCpuMs / (now() - started),
      relayCpuMsPerFrame: relayCpuMs / counts.frames,
    }
  } finally {
    attackers.stop()
    for (const { writer, peer } of meetings) {
      writer.close()
      peer.close()
    }
  }
}
