/**
 * Preloaded into each relay's child process (`--import bench/relayProbe.ts`, with `--expose-gc`):
 * answers the bench's IPC message `"probe"` with the process's memory after a full garbage
 * collection, its CPU time so far, and how late its event loop ran timers since the last probe
 * (the longest time the relay could not answer anyone) and its garbage collections' pauses. Read
 * from inside, so both relays are
 * measured the same way and neither relay's code is touched.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks'
import { quantile } from './report'

/** A timer every `TICK_MS`: how late it runs is how long the relay could not answer anyone. */
const TICK_MS = 5
let lastTick = performance.now()
let lateness: number[] = []
setInterval(() => {
  const tick = performance.now()
  lateness.push(Math.max(0, tick - lastTick - TICK_MS))
  lastTick = tick
}, TICK_MS).unref()

/** Pauses of the garbage collector since the last probe (ms), without the probe's own. */
let gcPauses: number[] = []
let probeCollections = { from: 0, to: 0 }
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.startTime < probeCollections.from || entry.startTime > probeCollections.to)
      gcPauses.push(entry.duration)
}).observe({ entryTypes: ['gc'] })

process.on('message', (message) => {
  if (message !== 'probe') return
  const loopDelayP99Ms = quantile(lateness, 0.99)
  const loopDelayMaxMs = lateness.reduce((max, late) => Math.max(max, late), 0)
  const gcPauseMs = gcPauses.reduce((sum, pause) => sum + pause, 0)
  const gcPauseMaxMs = gcPauses.reduce((max, pause) => Math.max(max, pause), 0)
  gcPauses = []
  const collect = (globalThis as { gc?: () => void }).gc
  probeCollections = { from: performance.now(), to: Number.POSITIVE_INFINITY }
  collect?.()
  collect?.()
  probeCollections.to = performance.now()
  // After the collections: their pause is the probe's, not the relay's.
  lateness = []
  lastTick = performance.now()
  const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage()
  const { user, system } = process.cpuUsage()
  const cpuMs = (user + system) / 1000
  // The main thread's share: CPU beyond it is the thread pool's (file writes) and the collector's.
  const loopActiveMs = performance.eventLoopUtilization().active
  process.send?.({
    heapUsed,
    rss,
    external,
    arrayBuffers,
    cpuMs,
    systemCpuMs: system / 1000,
    loopActiveMs,
    loopDelayP99Ms,
    loopDelayMaxMs,
    gcPauseMs,
    gcPauseMaxMs,
  })
})
// The IPC channel must not keep a relay alive once it has closed its server.
process.channel?.unref()
