/**
 * The relay: one HTTP(S) server that upgrades `/sync/<roomId>` to the y-websocket protocol,
 * answers `/healthz`, and serves the built app for every other path.
 *
 *   const relay = createRelay(config)
 *   const { url } = await relay.listen()
 *   …
 *   await relay.close() // every socket closed with 1001, every update on disk
 */
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { join, resolve } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { WebSocket, WebSocketServer } from 'ws'
import { CloseCode, SUBPROTOCOL, SYNC_PATH } from '../src/sync/protocol'
import { admit } from './admission'
import type { Config } from './config'
import { startKeepalive, type Keepalive } from './keepalive'
import { consoleLogger, type Logger } from './log'
import type { CompactionLimits } from './roomLog'
import { Rooms } from './rooms'
import { createStaticHandler, sendText } from './static'

export interface Tuning {
  /** Keepalive period; well under the y-websocket client's 30 s "no message" watchdog. */
  keepaliveMs: number
  /** A socket silent this long (no pong, no message) is terminated. */
  deadAfterMs: number
  /** An empty room stays loaded this long: a page reload or a Wi-Fi blip comes straight back. */
  unloadAfterMs: number
  compaction: CompactionLimits
}

export const defaultTuning: Tuning = {
  keepaliveMs: 10_000,
  deadAfterMs: 30_000,
  unloadAfterMs: 30_000,
  // One keystroke is one record of a few dozen bytes: an evening of typing is compacted a few
  // dozen times, each rewrite being one small document.
  compaction: { maxRecords: 1000, maxAppendedBytes: 4 * 1024 * 1024 },
}

/** How long a closing relay waits for clients to answer its close frames before cutting them. */
const CLOSE_GRACE_MS = 1000

export interface RelayOptions {
  logger?: Logger
  tuning?: Partial<Tuning>
}

export interface Relay {
  listen(): Promise<{ port: number; url: string }>
  close(): Promise<void>
}

/** Throws if the TLS files cannot be read. */
export function createRelay(config: Config, options: RelayOptions = {}): Relay {
  const logger = options.logger ?? consoleLogger
  const tuning = { ...defaultTuning, ...options.tuning }
  const roomsDir = join(resolve(config.dataDir), 'rooms')
  const rooms = new Rooms({ roomsDir, logger, ...tuning })
  const serveStatic = createStaticHandler(config.staticDir)
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxMessageBytes,
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  })
  const server: Server = config.tls
    ? createHttpsServer({
        cert: readFileSync(config.tls.certFile),
        key: readFileSync(config.tls.keyFile),
      })
    : createHttpServer()
  let keepalive: Keepalive | null = null
  let closing = false

  server.on('request', (req, res) => {
    const pathname = pathOf(req)
    if (pathname === null) {
      sendText(res, 400, 'Bad request\n')
    } else if (pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      res.end(JSON.stringify({ ok: true, ...rooms.stats() }))
    } else if (isSyncPath(pathname)) {
      sendText(res, 426, 'WebSocket only\n', { Upgrade: 'websocket' })
    } else {
      serveStatic(req, res, pathname).catch(() => {
        if (res.headersSent) res.destroy()
        else sendText(res, 500, 'Internal error\n')
      })
    }
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const pathname = pathOf(req)
    if (closing || pathname === null || !isSyncPath(pathname)) {
      socket.end(`HTTP/1.1 ${closing ? '503 Service Unavailable' : '404 Not Found'}\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Without a listener, an 'error' (e.g. an oversized message, closed by ws with 1009)
      // would be thrown and stop the relay.
      ws.on('error', (error: Error & { code?: string }) => {
        logger.warn(`connection closed on error: ${error.code ?? error.message}`)
      })
      if (closing) {
        ws.close(CloseCode.goingAway, 'relay shutting down')
        return
      }
      // The upgrade happens first so that a refusal can carry a close code the client understands.
      const admission = admit(pathname, req.headers['sec-websocket-protocol'])
      if (!admission.ok) {
        logger.warn(`connection refused: ${admission.reason}`)
        ws.close(admission.code, admission.reason)
        return
      }
      keepalive?.track(ws)
      rooms.join(admission.roomId, ws, admission.access)
    })
  })

  return {
    async listen() {
      await mkdir(roomsDir, { recursive: true })
      await new Promise<void>((done, fail) => {
        server.once('error', fail)
        server.listen(config.port, config.host, () => {
          server.off('error', fail)
          done()
        })
      })
      keepalive = startKeepalive(tuning.keepaliveMs, tuning.deadAfterMs)
      const { port } = server.address() as AddressInfo
      return { port, url: `${config.tls ? 'https' : 'http'}://${displayHost(config.host)}:${port}` }
    },

    async close() {
      closing = true
      keepalive?.stop()
      const serverClosed = new Promise((done) => server.close(done))
      const sockets = [...wss.clients]
      // No message is handled once a socket is closing, so the flush below is the last write.
      for (const socket of sockets) socket.close(CloseCode.goingAway, 'relay shutting down')
      await rooms.close()
      await Promise.race([
        Promise.all(sockets.map(closed)),
        delay(CLOSE_GRACE_MS, null, { ref: false }),
      ])
      for (const socket of wss.clients) socket.terminate()
      server.closeAllConnections()
      await serverClosed
    },
  }
}

/**
 * The path of a request, with `.` and `..` segments resolved, without the query string (which is
 * never logged either). Null for a target that is not a URL.
 */
function pathOf(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://relay').pathname
  } catch {
    return null
  }
}

function isSyncPath(pathname: string): boolean {
  return pathname.startsWith(`${SYNC_PATH}/`)
}

function closed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve()
  return new Promise((done) => socket.once('close', () => done()))
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}
