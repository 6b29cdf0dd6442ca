/**
 * The relay: an HTTP server, and an HTTPS one when it has a certificate, that upgrade
 * `/sync/<roomId>` to the y-websocket protocol, answer `/healthz` and `/metrics`, the install
 * page's files and `/addresses` (`installRoutes.ts`), and serve the built app for every other
 * path. Every request must name the relay's own host (`hostCheck.ts`) and every response carries
 * the security headers (`securityHeaders.ts`).
 *
 *   const relay = createRelay(config)
 *   const { url } = await relay.listen()
 *   …
 *   await relay.close() // every socket closed with 1001, every update on disk
 *
 * A sync connection is upgraded first and refused afterwards, with a close code the client
 * understands (a refused HTTP upgrade is only "connection failed" to a browser): wrong origin,
 * bad room name, missing subprotocol, wrong key, relay or room full. What it may send once
 * admitted is bounded in `room.ts`.
 */
import { mkdir } from 'node:fs/promises'
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { join, resolve } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { WebSocket, WebSocketServer, type ServerOptions } from 'ws'
import { KEY_PROTOCOL_PREFIX, SUBPROTOCOL, SYNC_PATH } from '../src/sync/protocol'
import { admit } from './admission'
import type { Config } from './config'
import { startKeepalive, type Keepalive } from './keepalive'
import { consoleLogger, errorCode, floodGuarded, type Logger } from './log'
import { Metrics } from './metrics'
import { metricsAllowed } from './metricsAccess'
import { originAllowed } from './origin'
import { REFUSALS, WS_REFUSAL_LABELS, type RefusalKind } from './refusals'
import type { RoomLimits } from './room'
import type { CompactionLimits } from './roomLog'
import { Rooms, type RoomsStats } from './rooms'
import { isSnapshotsPath, serveSnapshots } from './snapshotRoutes'
import { defaultSnapshotPolicy } from './snapshots'
import { createStaticHandler, sendText } from './static'
import { createHostCheck, type HostCheck } from './hostCheck'
import { createInstallRoutes } from './installRoutes'
import { machineNames, type MachineNames } from './network'
import { setSecurityHeaders } from './securityHeaders'
import type { KeyAndCertificate } from './tls/authority'
import { TLS_SETTINGS } from './tls/settings'

export interface Tuning {
  /** Keepalive period; well under the y-websocket client's 30 s "no message" watchdog. */
  keepaliveMs: number
  /** A socket silent this long (no pong, no message) is terminated. */
  deadAfterMs: number
  compaction: CompactionLimits
  /** Largest presence (awareness) message; the app's own are a few dozen bytes. */
  maxPresenceBytes: number
  /** Presence entries one connection may announce; a browser tab has one. */
  maxPresencesPerConnection: number
  /** How long a refused or closing client has to answer the close frame before it is cut. */
  closeTimeoutMs: number
}

export const defaultTuning: Tuning = {
  keepaliveMs: 10_000,
  deadAfterMs: 30_000,
  // One keystroke is one record of a few dozen bytes: an evening of typing is compacted a few
  // dozen times, each rewrite being one small document.
  compaction: { maxRecords: 1000, maxAppendedBytes: 4 * 1024 * 1024 },
  maxPresenceBytes: 64 * 1024,
  maxPresencesPerConnection: 8,
  closeTimeoutMs: 2000,
}

/** How long a closing relay waits for clients to answer its close frames before cutting them. */
const CLOSE_GRACE_MS = 1000

export interface RelayOptions {
  logger?: Logger
  tuning?: Partial<Tuning>
  /** The certificate (PEM) the HTTPS server presents; required when `config.tls` is set. */
  certificate?: KeyAndCertificate
  /** The authority (PEM) tablets install from the install page: self-made certificates only. */
  authority?: string
  /** The machine's names and addresses (tests pass their own). */
  machineNames?: () => MachineNames
  hostCheck?: HostCheck
}

export interface Listening {
  /** The plain-HTTP port and its URL on this machine. */
  port: number
  url: string
  /** The HTTPS port and URL, if the relay serves HTTPS. */
  https: { port: number; url: string } | null
}

export interface RelayStats extends RoomsStats {
  /** Sockets the keepalive watches: every open sync connection. */
  sockets: number
}

export interface Relay {
  listen(): Promise<Listening>
  close(): Promise<void>
  /** Presents a new certificate to new HTTPS connections (addresses changed). */
  setCertificate(certificate: KeyAndCertificate): void
  /** What the relay holds in memory right now (for tests and `/healthz`). */
  stats(): RelayStats
}

/** Throws if `config.tls` is set without a certificate, or the certificate is unusable. */
export function createRelay(config: Config, options: RelayOptions = {}): Relay {
  // A test's own logger sees every line; the terminal is kept from floods.
  const logger = options.logger ?? floodGuarded(consoleLogger)
  const tuning = { ...defaultTuning, ...options.tuning }
  const roomsDir = join(resolve(config.dataDir), 'rooms')
  const snapshotsDir = join(resolve(config.dataDir), 'snapshots')
  const metrics = new Metrics()
  const limits: RoomLimits = {
    maxDocumentBytes: config.maxDocumentBytes,
    maxMessageBytes: config.maxMessageBytes,
    messagesPerSecond: config.messagesPerSecond,
    bytesPerSecond: config.bytesPerSecond,
    maxPresenceBytes: tuning.maxPresenceBytes,
    maxPresencesPerConnection: tuning.maxPresencesPerConnection,
    // One whole document and one largest message: what a legitimate client may have queued.
    maxBufferedBytes: config.maxDocumentBytes + config.maxMessageBytes,
  }
  const rooms = new Rooms({
    roomsDir,
    snapshotsDir,
    snapshotPolicy: { ...defaultSnapshotPolicy, intervalMs: config.snapshotIntervalMs },
    idleMs: config.roomIdleMs,
    maxRooms: config.maxRooms,
    maxConnectionsPerRoom: config.maxConnectionsPerRoom,
    limits,
    compaction: tuning.compaction,
    logger,
    metrics,
  })
  const serveStatic = createStaticHandler(config.staticDir)
  // `closeTimeout` exists in ws 8.23 but not yet in @types/ws.
  const wsOptions: ServerOptions & { closeTimeout: number } = {
    noServer: true,
    // A device's whole document (sync step 2) may exceed an ordinary message: `room.ts` allows
    // that one, once per connection, and closes anything else over `maxMessageBytes` with 1009.
    maxPayload: Math.max(config.maxMessageBytes, config.maxDocumentBytes + SYNC_FRAMING_BYTES),
    closeTimeout: tuning.closeTimeoutMs,
    handleProtocols: answerProtocol,
  }
  const wss = new WebSocketServer(wsOptions)
  if (config.tls && !options.certificate) throw new Error('HTTPS needs a certificate')
  const httpServer = createHttpServer()
  const httpsServer: HttpsServer | null = options.certificate
    ? createHttpsServer({ ...TLS_SETTINGS, ...options.certificate })
    : null
  const servers: (Server | HttpsServer)[] = httpsServer ? [httpServer, httpsServer] : [httpServer]
  const hostAllowed =
    options.hostCheck ?? createHostCheck({ listenHost: config.host, extraNames: config.hostNames })
  let httpsPort: number | null = null
  const installRoutes = createInstallRoutes({
    config,
    authority: options.authority ?? null,
    machineNames: options.machineNames ?? machineNames,
    ports: () => ({ port: portOf(httpServer), httpsPort }),
  })
  let keepalive: Keepalive | null = null
  let closing = false

  const stats = (): RelayStats => ({ ...rooms.stats(), sockets: keepalive?.size ?? 0 })

  const onRequest = (secure: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host)) return sendText(res, 421, 'Misdirected request\n')
    setSecurityHeaders(res, { secure, host: canonicalHost(req.headers.host!), httpsPort })
    const pathname = pathOf(req)
    if (pathname === null) {
      sendText(res, 400, 'Bad request\n')
    } else if (pathname === '/healthz') {
      const { rooms: loaded, connections } = rooms.stats()
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      res.end(JSON.stringify({ ok: true, rooms: loaded, connections }))
    } else if (pathname === '/metrics') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' })
      }
      if (!metricsAllowed(req.socket.remoteAddress, req.headers.authorization, config.metricsToken))
        return sendText(res, 403, 'Forbidden\n')
      res.writeHead(200, {
        'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      res.end(metrics.render(rooms.stats()))
    } else if (isSyncPath(pathname)) {
      sendText(res, 426, 'WebSocket only\n', { Upgrade: 'websocket' })
    } else if (isSnapshotsPath(pathname)) {
      serveSnapshots(req, res, pathname, {
        snapshotsDir,
        allowedOrigins: config.allowedOrigins,
        maxDocumentBytes: config.maxDocumentBytes,
      }).catch(() => {
        if (res.headersSent) res.destroy()
        else sendText(res, 500, 'Internal error\n')
      })
    } else if (!installRoutes(req, res, pathname)) {
      serveStatic(req, res, pathname).catch(() => {
        if (res.headersSent) res.destroy()
        else sendText(res, 500, 'Internal error\n')
      })
    }
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    if (!hostAllowed(req.headers.host)) {
      socket.end('HTTP/1.1 421 Misdirected Request\r\n\r\n')
      return
    }
    const pathname = pathOf(req)
    if (closing || pathname === null || !isSyncPath(pathname)) {
      socket.end(`HTTP/1.1 ${closing ? '503 Service Unavailable' : '404 Not Found'}\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Every frame that reaches the relay is counted, including those sent after a refusal.
      ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) =>
        metrics.received(byteLength(data)),
      )
      // Without a listener, an 'error' (e.g. an oversized message, closed by ws with 1009)
      // would be thrown and stop the relay.
      ws.on('error', (error: Error & { code?: string }) => {
        const label =
          error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
            ? WS_REFUSAL_LABELS.tooBig
            : WS_REFUSAL_LABELS.badFrame
        metrics.refused(label)
        logger.warn('connection.error', { reason: label, error: errorCode(error) })
      })
      const refusal = admission(req, pathname, ws)
      if (refusal) {
        const { code, reason, label } = REFUSALS[refusal]
        metrics.refused(label)
        logger.warn('connection.refused', { reason: label, code })
        ws.close(code, reason)
        return
      }
      metrics.connectionsAccepted += 1
    })
  }

  httpServer.on('request', onRequest(false))
  httpsServer?.on('request', onRequest(true))
  for (const server of servers) server.on('upgrade', onUpgrade)

  /** Admits the socket into its room, or says why not. Nothing is created for a refusal. */
  function admission(req: IncomingMessage, pathname: string, ws: WebSocket): RefusalKind | null {
    if (closing) return 'shuttingDown'
    if (!originAllowed(req.headers.origin, req.headers.host, config.allowedOrigins))
      return 'forbiddenOrigin'
    const admitted = admit(pathname, req.headers['sec-websocket-protocol'])
    if (!admitted.ok) return admitted.refusal
    const refusal = rooms.join(admitted.roomId, ws, admitted.access, req.socket.remoteAddress ?? '')
    if (refusal) return refusal
    keepalive?.track(ws)
    return null
  }

  return {
    async listen() {
      await mkdir(roomsDir, { recursive: true })
      await listenOn(httpServer, config.port, config.host)
      if (httpsServer) {
        await listenOn(httpsServer, config.httpsPort, config.host).catch((error: unknown) => {
          httpServer.close()
          throw error
        })
        httpsPort = portOf(httpsServer)
      }
      keepalive = startKeepalive(tuning.keepaliveMs, tuning.deadAfterMs, (bytes) =>
        metrics.sent(bytes),
      )
      const port = portOf(httpServer)
      const host = displayHost(config.host)
      return {
        port,
        url: `http://${host}:${port}`,
        https: httpsPort === null ? null : { port: httpsPort, url: `https://${host}:${httpsPort}` },
      }
    },

    setCertificate(certificate) {
      httpsServer?.setSecureContext({ ...TLS_SETTINGS, ...certificate })
    },

    async close() {
      closing = true
      keepalive?.stop()
      const serversClosed = servers.map((server) => new Promise((done) => server.close(done)))
      const sockets = [...wss.clients]
      // No message is handled once a socket is closing, so the flush below is the last write.
      const { code, reason } = REFUSALS.shuttingDown
      for (const socket of sockets) socket.close(code, reason)
      await rooms.close()
      await Promise.race([
        Promise.all(sockets.map(closed)),
        delay(CLOSE_GRACE_MS, null, { ref: false }),
      ])
      for (const socket of wss.clients) socket.terminate()
      for (const server of servers) server.closeAllConnections()
      await Promise.all(serversClosed)
    },

    stats,
  }
}

/** The message type, sync type and length varint in front of a whole document. */
const SYNC_FRAMING_BYTES = 16

/**
 * The subprotocol the relay answers with. A browser fails a handshake whose answer is not one it
 * offered, and its client then retries for ever: so a client that offered protocols but not
 * `tandem.v1` gets one of its own back (a key only to the device that sent it), the connection
 * opens, and `admission` closes it with 4400, which stops the client.
 */
function answerProtocol(protocols: Set<string>): string | false {
  if (protocols.has(SUBPROTOCOL)) return SUBPROTOCOL
  const offered = [...protocols]
  return (
    offered.find((protocol) => !protocol.startsWith(KEY_PROTOCOL_PREFIX)) ?? offered[0] ?? false
  )
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

function byteLength(data: Buffer | ArrayBuffer | Buffer[]): number {
  return Array.isArray(data) ? data.reduce((sum, chunk) => sum + chunk.length, 0) : data.byteLength
}

function closed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve()
  return new Promise((done) => socket.once('close', () => done()))
}

function listenOn(server: Server | HttpsServer, port: number, host: string): Promise<void> {
  return new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      done()
    })
  })
}

function portOf(server: Server | HttpsServer): number {
  return (server.address() as AddressInfo | null)?.port ?? 0
}

/** `Host` as the URL parser writes it back (lowercase, no trailing junk): safe in a header. */
function canonicalHost(hostHeader: string): string {
  return new URL(`http://${hostHeader}`).host
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}
