/**
 * The two relays under test, each in its own child process on 127.0.0.1 with a free port, so the
 * clients' CPU (in the bench's process) is not the relay's. Both get the same probe
 * (`relayProbe.ts`): memory after GC and CPU time, over IPC.
 *
 * Tandem's relay is started exactly as `npm run relay` starts it (`sync-server/main.ts`), with
 * its limits raised through its own environment variables, because the bench's load is far above
 * one evening's: rooms, connections per room, and the per-connection rates (the throughput phase
 * sends as fast as the relay answers). Everything else — keys, persistence with fdatasync,
 * validation of every frame — runs as on the evening.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

/** The environment that lifts Tandem's limits for the bench (printed with the results). */
export const TANDEM_BENCH_ENV: Record<string, string> = {
  MAX_ROOMS: '2000',
  MAX_CONNECTIONS_PER_ROOM: '2000',
  RATE_MESSAGES_PER_SECOND: '1000000',
  RATE_BYTES_PER_SECOND: String(1024 * 1024 * 1024),
}

export interface Probe {
  heapUsed: number
  rss: number
  external: number
  arrayBuffers: number
  cpuMs: number
  /** Of `cpuMs`, the time spent in the kernel. */
  systemCpuMs: number
  /** Time the event loop (the main thread) was busy since the process started. */
  loopActiveMs: number
  /** How late the relay's event loop ran since the previous probe: 99th percentile and max. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  /** Garbage collection pauses since the previous probe: their sum and the longest (ms). */
  gcPauseMs: number
  gcPauseMaxMs: number
}

export interface RunningRelay {
  name: 'tandem' | 'tandem (data on tmpfs)' | 'reference'
  port: number
  /** The WebSocket URL of a room. */
  roomUrl(roomId: string): string
  /** Memory after GC and CPU time of the relay's process. */
  probe(): Promise<Probe>
  dataDir: string | null
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()

/** Kills every relay still running: called on exit, even after a failure. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}
process.once('exit', killAll)

function start(
  name: RunningRelay['name'],
  script: string,
  env: Record<string, string>,
  portPattern: RegExp,
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(script, [], {
    cwd: ROOT,
    execArgv: [
      ...(process.env.BENCH_RELAY_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--expose-gc',
      '--import',
      'tsx',
      '--import',
      join(ROOT, 'bench', 'relayProbe.ts'),
    ],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  const output: string[] = []
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${name} relay did not start:\n${output.slice(-20).join('\n')}`))
    }, 20_000)
    let buffered = ''
    // Always read its output: a child writing to a full pipe would block.
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        if (output.length < 200) output.push(line)
        const match = portPattern.exec(line)
        if (match) {
          clearTimeout(timer)
          resolve({ child, port: Number(match[1]) })
        }
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} relay exited (${code}):\n${output.slice(-20).join('\n')}`))
    })
  })
}

function probeOf(child: ChildProcess): () => Promise<Probe> {
  return () =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('relay probe timed out')), 10_000)
      child.once('message', (message) => {
        clearTimeout(timer)
        resolve(message as Probe)
      })
      child.send('probe')
    })
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
}

const TMPFS = '/dev/shm'

/**
 * `limits`: the relay's environment for limits; the evening's defaults with `{}`. `onTmpfs`: its
 * data on tmpfs, no disk under it, to show what the disk costs.
 */
export async function startTandemRelay(
  limits: Record<string, string> = TANDEM_BENCH_ENV,
  onTmpfs = false,
): Promise<RunningRelay> {
  const root = onTmpfs ? TMPFS : (process.env.BENCH_DATA_ROOT ?? tmpdir())
  const dataDir = await mkdtemp(join(root, 'tandem-bench-'))
  const { child, port } = await start(
    'tandem',
    join(ROOT, 'sync-server', 'main.ts'),
    {
      DATA_DIR: dataDir,
      // Another build of the app (`BENCH_STATIC_DIR`) to compare two versions on the same bench.
      STATIC_DIR: process.env.BENCH_STATIC_DIR ?? join(ROOT, 'dist'),
      ...limits,
    },
    /event=relay\.listening .*\bport=(\d+)/,
  )
  const stop = stopper(child)
  return {
    name: onTmpfs ? 'tandem (data on tmpfs)' : 'tandem',
    port,
    dataDir,
    roomUrl: (roomId) => `ws://127.0.0.1:${port}/sync/${roomId}`,
    probe: probeOf(child),
    async stop() {
      await stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export const startTandemOnTmpfs = () => startTandemRelay(TANDEM_BENCH_ENV, true)

export async function startReferenceRelay(): Promise<RunningRelay> {
  const { child, port } = await start(
    'reference',
    join(ROOT, 'bench', 'referenceRelay.ts'),
    {},
    /^listening port=(\d+)/,
  )
  return {
    name: 'reference',
    port,
    dataDir: null,
    roomUrl: (roomId) => `ws://127.0.0.1:${port}/${roomId}`,
    probe: probeOf(child),
    stop: stopper(child),
  }
}
