/**
 * Test harness for the sync relay: a real relay on 127.0.0.1, port 0, with a temporary data
 * directory, and real y-websocket clients (or raw `ws` sockets for malformed traffic). Everything
 * created is registered with a `Teardown`, run in `afterEach`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { parseConfig, type Config } from '../../sync-server/config'
import { formatFields, type LogFields, type LogLevel, type Logger } from '../../sync-server/log'
import { createRelay, type Relay, type Tuning } from '../../sync-server/relay'
import { capabilityFromKey, newWriteKey } from '../../src/links/capability'
import { protocolsFor, SYNC_PATH } from '../../src/sync/protocol'
import { queryAwarenessFrame } from './frames'
import { waitFor } from './waitFor'

// Each y-websocket provider adds an 'exit' listener to the process in Node; tests open dozens.
process.setMaxListeners(200)

export class Teardown {
  #steps: (() => unknown)[] = []

  add(step: () => unknown): void {
    this.#steps.push(step)
  }

  /** Runs the steps newest first (clients before the relay they use, the relay before its files). */
  async run(): Promise<void> {
    const steps = this.#steps.reverse()
    this.#steps = []
    for (const step of steps) await step()
  }
}

export async function tempDir(teardown: Teardown, prefix = 'tandem-relay-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  teardown.add(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** A log line as recorded: level, event and fields, as the relay passed them. */
export interface LogEntry {
  level: LogLevel
  event: string
  fields: LogFields
}

/** Records log lines, so tests stay quiet and can check what was (not) logged. */
export function recordingLogger(): Logger & { lines: string[]; entries: LogEntry[] } {
  const lines: string[] = []
  const entries: LogEntry[] = []
  const record =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      entries.push({ level, event, fields })
      lines.push(formatFields(level, event, fields))
    }
  return { lines, entries, info: record('info'), warn: record('warn'), error: record('error') }
}

export interface TestRelay {
  relay: Relay
  port: number
  httpUrl: string
  /** The `serverUrl` a `WebsocketProvider` takes: rooms are at `<syncUrl>/<roomId>`. */
  syncUrl: string
  logger: ReturnType<typeof recordingLogger>
  /** Idempotent, so a test may stop the relay itself and teardown may stop it again. */
  stop(): Promise<void>
}

export interface RelayOverrides {
  config?: Partial<Config>
  tuning?: Partial<Tuning>
}

export async function startRelay(
  teardown: Teardown,
  dataDir: string,
  overrides: RelayOverrides = {},
): Promise<TestRelay> {
  const parsed = parseConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir })
  if (!parsed.ok) throw new Error(parsed.error)
  const logger = recordingLogger()
  const relay = createRelay(
    { ...parsed.config, staticDir: join(dataDir, 'no-app'), ...overrides.config },
    { logger, tuning: overrides.tuning },
  )
  const { port } = await relay.listen()
  let stopped: Promise<void> | null = null
  const stop = () => (stopped ??= relay.close())
  teardown.add(stop)
  return {
    relay,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}${SYNC_PATH}`,
    logger,
    stop,
  }
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  text(): string
  /** The close codes of every connection the relay (or the network) closed. */
  closeCodes: number[]
  /** Set when the provider emitted `closed`: the relay refused it for good. */
  closed: { code: number; reason: string } | null
}

/** A real y-websocket client, as the app uses it. The shared text is `doc.getText('t')`. */
export function connectClient(
  teardown: Teardown,
  syncUrl: string,
  roomId: string,
  protocols: string[],
  doc = new Y.Doc(),
): TestClient {
  const provider = new WebsocketProvider(syncUrl, roomId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols,
    disableBc: true,
    maxBackoffTime: 100, // reconnect quickly after a relay restart
  })
  const client: TestClient = {
    doc,
    provider,
    text: () => doc.getText('t').toString(),
    closeCodes: [],
    closed: null,
  }
  provider.on('connection-close', (event) => {
    if (event) client.closeCodes.push(event.code)
  })
  provider.on('closed', (event) => {
    client.closed = event
  })
  teardown.add(() => {
    provider.destroy()
    doc.destroy()
  })
  return client
}

/** A new meeting as the relay sees it: its room, its keys, and the subprotocols of each link. */
export function newMeeting() {
  const writeKey = newWriteKey()
  const { roomId, readKey } = capabilityFromKey(writeKey, 'write')
  return { roomId, writeKey, readKey, write: protocolsFor(writeKey), read: protocolsFor(readKey) }
}

/** Waits until `client` has synced with the relay. */
export const synced = (client: TestClient) =>
  waitFor(() => client.provider.synced, 'the client to sync')

/** Types `text` at the end of the client's shared text, as a tablet does. */
export function typeAtEnd(client: TestClient, text: string): void {
  const shared = client.doc.getText('t')
  shared.insert(shared.length, text)
}

/** A bare `ws` socket, open, for sending what no real client would. */
export async function openRawSocket(
  teardown: Teardown,
  syncUrl: string,
  roomId: string,
  protocols: string[],
  options: { autoPong?: boolean } = {},
): Promise<WebSocket> {
  const socket = new WebSocket(`${syncUrl}/${roomId}`, protocols, options)
  teardown.add(() => socket.terminate())
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  socket.on('error', () => {}) // the close code is what tests look at
  return socket
}

/** The code the socket gets closed with. */
export function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)))
}

/** `tandem_refusals_total` of the relay's `/metrics`, by reason. */
export async function refusalCounts(relay: TestRelay): Promise<Record<string, number>> {
  const text = await (await fetch(`${relay.httpUrl}/metrics`)).text()
  const out: Record<string, number> = {}
  for (const [, reason, count] of text.matchAll(
    /^tandem_refusals_total\{reason="(\w+)"\} (\d+)$/gm,
  ))
    out[reason!] = Number(count)
  return out
}

/**
 * Sends "who is here?" and waits for the answer (an awareness message, type 1): the relay handles
 * a connection's messages in order, so everything sent before was handled without a refusal.
 */
export async function stillOpenAfter(socket: WebSocket): Promise<void> {
  const answered = new Promise<void>((resolve, reject) => {
    const onMessage = (data: Buffer) => {
      if (data[0] !== 1) return
      socket.off('message', onMessage)
      resolve()
    }
    socket.on('message', onMessage)
    socket.once('close', (code) => reject(new Error(`closed with ${code}`)))
  })
  socket.send(queryAwarenessFrame)
  await answered
}
