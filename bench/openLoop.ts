/**
 * Relay tails at fixed offered rates, open loop: a thousand clients in a hundred rooms send edits
 * on a schedule fixed before the run (a Poisson process at the offered rate, each edit from a
 * random client; seeded, so both relays get the very same one), whatever the relay answers. An
 * edit's latency runs from its scheduled time until the last other client of its room has it, so
 * a relay that falls behind sees its queue in the figures instead of slowing the load down (the
 * closed-loop trap: "coordinated omission").
 *
 * The clients are spread over several processes (`loadWorker.ts`), each owning whole rooms, so
 * the generator is not the bottleneck; each run reports how late the generator sent (`lag`) and
 * how busy its busiest process was, to show it. Both relays are up and connected at once, and the
 * runs alternate between them rate by rate, so a machine whose load drifts (it is shared) weighs
 * on both alike.
 *
 * Saturation: the offered rate at which p95 passes 50 ms, interpolated between the two rates that
 * bracket it (on the logarithm of p95, which grows about exponentially once a queue forms).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import type { FromWorker, ToWorker, WorkerRoom, WorkerRun } from './loadWorker'
import { quantile, sleep } from './report'
import type { RunningRelay } from './relays'

const ROOT = join(import.meta.dirname, '..')

export interface OpenLoopOptions {
  /** Offered rates, updates per second over the whole load, in increasing order. */
  rates: number[]
  /**
   * Beyond the last rate, while a relay's p95 has not passed the threshold, its rate goes on
   * rising by half (only for the relays not saturated yet) up to this one: the saturation ratio
   * is then measured rather than bounded.
   */
  maxRate: number
  rooms: number
  clientsPerRoom: number
  /** Processes of the load generator. */
  workers: number
  warmupSeconds: number
  /** Counted seconds per rate and relay. */
  seconds: number
  /** How long after its last edit a run waits for stragglers; later ones are lost. */
  drainMs: number
  seed: number
}

export interface RateRun {
  relay: RunningRelay['name']
  rate: number
  /** Latency percentiles in ms; a lost edit counts as infinitely late. */
  p50: number
  p95: number
  p99: number
  max: number
  samples: number
  lost: number
  /** Relay's CPU during the run, in cores, and per 1,000 edits sent (ms). */
  relayCores: number
  relayCpuMsPer1000: number
  /** Of that, the main thread's (event loop busy) and the kernel's, per 1,000 edits (ms). */
  relayLoopMsPer1000: number
  relaySystemMsPer1000: number
  /** The relay's garbage collection pauses: their sum per 1,000 edits, and the longest (ms). */
  relayGcMsPer1000: number
  relayGcMaxMs: number
  /** How late the relay's event loop ran a 5 ms timer: 99th percentile (ms). */
  relayLoopLateP99: number
  /** How late the generator sent its edits (ms): p99 and max over every process. */
  lagP99: number
  lagMax: number
  /** The busiest generator process, in cores. */
  generatorCores: number
}

/** Where p95 passes the threshold: `above` = not within the rates tried, `below` = at the first. */
export interface Saturation {
  rate: number
  bound: 'at' | 'above' | 'below'
}

export interface OpenLoopResult {
  runs: RateRun[]
  saturation: Map<RunningRelay['name'], Saturation>
}

export const SATURATION_P95_MS = 50

/** Small seeded generator (mulberry32): the same schedule on every run of the bench. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The edits of one run, per worker: `[ms, room, writer]` triples in time order. */
function schedule(rate: number, options: OpenLoopOptions): number[][] {
  const random = seeded(options.seed + rate)
  const perWorker: number[][] = Array.from({ length: options.workers }, () => [])
  const endMs = (options.warmupSeconds + options.seconds) * 1000
  for (let t = 0; ;) {
    t += (-Math.log(1 - random()) / rate) * 1000
    if (t >= endMs) break
    const room = Math.floor(random() * options.rooms)
    const writer = Math.floor(random() * options.clientsPerRoom)
    perWorker[room % options.workers]!.push(t, room, writer)
  }
  return perWorker
}

export function saturationOf(points: Array<{ rate: number; p95: number }>): Saturation {
  const index = points.findIndex((point) => point.p95 > SATURATION_P95_MS)
  if (index === -1) return { rate: points.at(-1)!.rate, bound: 'above' }
  if (index === 0) return { rate: points[0]!.rate, bound: 'below' }
  const low = points[index - 1]!
  const high = points[index]!
  const share = Number.isFinite(high.p95)
    ? (Math.log(SATURATION_P95_MS) - Math.log(Math.max(low.p95, 1e-3))) /
      (Math.log(high.p95) - Math.log(Math.max(low.p95, 1e-3)))
    : 0
  return { rate: low.rate + (high.rate - low.rate) * share, bound: 'at' }
}

class Worker {
  readonly #child: ChildProcess
  constructor() {
    this.#child = fork(join(ROOT, 'bench', 'loadWorker.ts'), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    workers.add(this.#child)
    this.#child.once('exit', () => workers.delete(this.#child))
  }

  ask(message: ToWorker): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load worker exited (${code})`))
      this.#child.once('exit', onExit)
      this.#child.once('message', (answer: FromWorker) => {
        this.#child.off('exit', onExit)
        if (answer.kind === 'failed') reject(new Error(`load worker: ${answer.message}`))
        else resolve(answer)
      })
      this.#child.send(message)
    })
  }

  async close(): Promise<void> {
    if (this.#child.exitCode !== null) return
    const exited = new Promise((resolve) => this.#child.once('exit', resolve))
    this.#child.send({ kind: 'close' } satisfies ToWorker)
    await exited
  }
}

const workers = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of workers) child.kill('SIGKILL')
})

async function measure(
  relay: RunningRelay,
  rate: number,
  pool: Worker[],
  options: OpenLoopOptions,
): Promise<RateRun> {
  const shares = schedule(rate, options)
  const edits = shares.flat().length / 3
  const perThousand = (ms: number) => (ms / edits) * 1000
  const before = await relay.probe()
  const started = performance.now()
  const answers = await Promise.all(
    pool.map((worker, i) =>
      worker.ask({
        kind: 'run',
        relay: relay.name,
        schedule: shares[i]!,
        countFromMs: options.warmupSeconds * 1000,
        startInMs: 200,
        drainMs: options.drainMs,
      }),
    ),
  )
  const elapsed = performance.now() - started
  const after = await relay.probe()
  const runs = answers as WorkerRun[]
  const lost = runs.reduce((sum, run) => sum + run.lost, 0)
  const latencies = runs.flatMap((run) => run.latencies)
  const counted = [...latencies, ...Array<number>(lost).fill(Number.POSITIVE_INFINITY)]
  const lag = runs.flatMap((run) => run.lag)
  return {
    relay: relay.name,
    rate,
    p50: quantile(counted, 0.5),
    p95: quantile(counted, 0.95),
    p99: quantile(counted, 0.99),
    max: quantile(counted, 1),
    samples: latencies.length,
    lost,
    relayCores: (after.cpuMs - before.cpuMs) / elapsed,
    relayCpuMsPer1000: perThousand(after.cpuMs - before.cpuMs),
    relayLoopMsPer1000: perThousand(after.loopActiveMs - before.loopActiveMs),
    relaySystemMsPer1000: perThousand(after.systemCpuMs - before.systemCpuMs),
    relayGcMsPer1000: perThousand(after.gcPauseMs),
    relayGcMaxMs: after.gcPauseMaxMs,
    relayLoopLateP99: after.loopDelayP99Ms,
    lagP99: quantile(lag, 0.99),
    lagMax: quantile(lag, 1),
    generatorCores: Math.max(...runs.map((run) => run.cores)),
  }
}

/** Runs every rate on every relay (alternating which goes first), relays already started. */
export async function runOpenLoop(
  relays: RunningRelay[],
  options: OpenLoopOptions,
): Promise<OpenLoopResult> {
  const rooms: WorkerRoom[] = Array.from({ length: options.rooms }, (_, index) => {
    const { roomId, writeKey } = capabilityFromKey(newWriteKey(), 'write')
    const urls = Object.fromEntries(relays.map((relay) => [relay.name, relay.roomUrl(roomId)]))
    return { index, key: writeKey!, urls }
  })
  const pool = Array.from({ length: options.workers }, () => new Worker())
  try {
    await Promise.all(
      pool.map((worker, i) =>
        worker.ask({
          kind: 'connect',
          rooms: rooms.filter((room) => room.index % options.workers === i),
          clientsPerRoom: options.clientsPerRoom,
        }),
      ),
    )
    // A first run per relay, not reported: every room's log file exists, every path is compiled
    // (JIT), so the first measured rate does not pay for what the others do not.
    for (const relay of relays) await measure(relay, options.rates[0]!, pool, options)
    const runs: RateRun[] = []
    const saturated = (relay: RunningRelay) =>
      runs.some((run) => run.relay === relay.name && run.p95 > SATURATION_P95_MS)
    const rates = [...options.rates]
    for (let step = 0; step < rates.length; step++) {
      const rate = rates[step]!
      const beyond = step >= options.rates.length
      const measured = beyond ? relays.filter((relay) => !saturated(relay)) : relays
      const order = step % 2 === 0 ? measured : [...measured].reverse()
      for (const relay of order) {
        runs.push(await measure(relay, rate, pool, options))
        await sleep(500)
      }
      const next = Math.round(rate * 1.5)
      if (step === rates.length - 1 && relays.some((relay) => !saturated(relay)))
        if (next <= options.maxRate) rates.push(next)
    }
    const saturation = new Map(
      relays.map((relay) => [
        relay.name,
        saturationOf(runs.filter((run) => run.relay === relay.name)),
      ]),
    )
    return { runs, saturation }
  } finally {
    await Promise.all(pool.map((worker) => worker.close()))
  }
}
