/**
 * The relay as a real child process (`node --import tsx sync-server/main.ts`), for tests that must kill it
 * the hard way (SIGKILL: no shutdown handler, no last flush) or watch it survive abuse from the
 * outside. It listens on 127.0.0.1; with `port: 0` it picks a free port, read back from its first
 * log line (`event=relay.listening … port=…`). Restart it on the same port and data folder to
 * simulate a crash and a reboot of the laptop.
 *
 * Not the `tsx` command itself: it runs the script in a second process, so a SIGKILL would kill
 * the wrapper and leave the relay running. `--import tsx` loads the same TypeScript hooks into a
 * single process, the one that receives the signal.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { SYNC_PATH } from '../../src/sync/protocol'
import type { Teardown } from './relay'

const ROOT = join(import.meta.dirname, '..', '..')

export interface ChildRelay {
  process: ChildProcess
  port: number
  /** The HTTPS port, when the relay serves HTTPS (`HTTPS=on`, certificates of its own). */
  httpsPort: number | null
  httpUrl: string
  syncUrl: string
  /** Every line it printed, stdout and stderr. */
  output: string[]
  /** Resolves with the exit code (null if killed by a signal). */
  exited: Promise<number | null>
  /** Sends the signal and waits for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

export interface ChildRelayOptions {
  dataDir: string
  port?: number
  /** More environment variables (limits, ROOM_IDLE_SECONDS…). */
  env?: Record<string, string>
  /** How long to wait for the relay to listen. */
  timeoutMs?: number
}

export async function spawnRelay(
  teardown: Teardown,
  { dataDir, port = 0, env = {}, timeoutMs = 15_000 }: ChildRelayOptions,
): Promise<ChildRelay> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'sync-server', 'main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      STATIC_DIR: join(dataDir, 'no-app'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  teardown.add(() => kill('SIGKILL'))

  const listening = new Promise<{ port: number; httpsPort: number | null }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`relay did not start in ${timeoutMs} ms:\n${output.join('\n')}`)),
      timeoutMs,
    )
    const onLine = (line: string) => {
      output.push(line)
      const match = /event=relay\.listening .*\bport=(\d+)/.exec(line)
      if (match) {
        clearTimeout(timer)
        const https = /\bhttps_port=(\d+)/.exec(line)
        resolve({ port: Number(match[1]), httpsPort: https ? Number(https[1]) : null })
      }
    }
    for (const stream of [child.stdout!, child.stderr!]) {
      let buffered = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        buffered += chunk
        const lines = buffered.split('\n')
        buffered = lines.pop()!
        lines.forEach(onLine)
      })
    }
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`relay exited (${code}) before listening:\n${output.join('\n')}`))
    })
  })
  const { port: actualPort, httpsPort } = await listening
  return {
    process: child,
    port: actualPort,
    httpsPort,
    httpUrl: `http://127.0.0.1:${actualPort}`,
    syncUrl: `ws://127.0.0.1:${actualPort}${SYNC_PATH}`,
    output,
    exited,
    kill,
  }
}
