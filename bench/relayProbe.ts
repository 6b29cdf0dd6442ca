/**
 * Preloaded into each relay's child process (`--import bench/relayProbe.ts`, with `--expose-gc`):
 * answers the bench's IPC message `"probe"` with the process's memory after a full garbage
 * collection and its CPU time so far. Read from inside, so both relays are measured the same way
 * and neither relay's code is touched.
 */
process.on('message', (message) => {
  if (message !== 'probe') return
  const collect = (globalThis as { gc?: () => void }).gc
  collect?.()
  collect?.()
  const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage()
  const { user, system } = process.cpuUsage()
  process.send?.({ heapUsed, rss, external, arrayBuffers, cpuMs: (user + system) / 1000 })
})
// The IPC channel must not keep a relay alive once it has closed its server.
process.channel?.unref()
