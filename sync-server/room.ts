/**
 * One meeting on the relay: its Yjs document (kept on disk by a `RoomLog`), the presence
 * (awareness) of the devices connected to it, and those connections.
 *
 * Load before sync: the document is read from disk before any message of any connection is
 * handled and before the relay sends anything, so no device is ever told "synced" with an
 * empty meeting after a restart.
 *
 * A write connection's updates are applied with the connection as origin, logged and relayed to
 * the other connections. A read connection (projector) receives the document and live updates;
 * document changes it sends are dropped — never applied, relayed or stored. Any message the relay
 * cannot decode closes that connection with 4400; the room carries on.
 */
import { WebSocket, type RawData } from 'ws'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Access, RoomId } from '../src/links/capability'
import { CloseCode } from '../src/sync/protocol'
import { shortRoomId, type Logger } from './log'
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  parseMessage,
  type ClientMessage,
} from './messages'
import { RoomLog, type CompactionLimits } from './roomLog'

/** One device's WebSocket in this room; also the Yjs and awareness origin of what it sends. */
interface Connection {
  socket: WebSocket
  access: Access
  /** Awareness client ids this connection announced, removed when it leaves. */
  awarenessClients: Set<number>
}

/** Close code for a room whose log cannot be read: the client retries later (not 44xx). */
const STORAGE_UNAVAILABLE = 1011

const ignore = () => {}

export class Room {
  readonly id: RoomId
  /** Settles once the document is loaded from disk; rejects if the log cannot be read. */
  readonly ready: Promise<void>
  readonly #doc = new Y.Doc()
  readonly #awareness = new Awareness(this.#doc)
  readonly #connections = new Set<Connection>()
  readonly #log: RoomLog
  readonly #logger: Logger
  readonly #onEmpty: () => void

  constructor(
    id: RoomId,
    logFile: string,
    compaction: CompactionLimits,
    logger: Logger,
    onEmpty: () => void,
  ) {
    this.id = id
    this.#logger = logger
    this.#onEmpty = onEmpty
    this.#log = new RoomLog(logFile, () => Y.encodeStateAsUpdate(this.#doc), compaction, logger)
    // The relay is not a participant: it holds everyone's presence but has none of its own.
    this.#awareness.setLocalState(null)
    this.#doc.on('update', this.#onDocUpdate)
    this.#awareness.on('update', this.#onAwarenessUpdate)
    this.ready = this.#load()
  }

  get connectionCount(): number {
    return this.#connections.size
  }

  attach(socket: WebSocket, access: Access): void {
    const connection: Connection = { socket, access, awarenessClients: new Set() }
    this.#connections.add(connection)
    this.#logger.info(`room ${shortRoomId(this.id)}: ${access} connection opened`)
    socket.on('close', (code) => this.#detach(connection, code))
    // Registered first, so the greeting precedes the handling of any message.
    this.ready.then(
      () => this.#greet(connection),
      () => socket.close(STORAGE_UNAVAILABLE, 'storage unavailable'),
    )
    // Until the room is loaded, messages wait on `ready`, and keep their order.
    socket.on('message', (data, isBinary) => {
      this.ready.then(() => this.#receive(connection, data, isBinary), ignore)
    })
  }

  /** Resolves once every update received so far is on disk. */
  flush(): Promise<void> {
    return this.#log.flush()
  }

  /** Flushes and frees the room. Its sockets must already be closing. */
  async close(): Promise<void> {
    await this.ready.catch(ignore)
    await this.#log.close()
    this.#awareness.off('update', this.#onAwarenessUpdate)
    this.#doc.off('update', this.#onDocUpdate)
    this.#awareness.destroy()
    this.#doc.destroy()
  }

  async #load(): Promise<void> {
    const updates = await this.#log.load()
    Y.transact(this.#doc, () => {
      for (const update of updates) Y.applyUpdate(this.#doc, update)
    })
  }

  #greet(connection: Connection): void {
    // Asks a writer for what it has and the relay lacks (its offline edits). A reader is not asked.
    if (connection.access === 'write') this.#send(connection, encodeSyncStep1(this.#doc))
    if (this.#awareness.getStates().size > 0) this.#send(connection, this.#everyonesPresence())
  }

  #receive(connection: Connection, data: RawData, isBinary: boolean): void {
    // A closing socket (refused earlier, or relay shutting down) gets nothing more applied.
    if (connection.socket.readyState !== WebSocket.OPEN) return
    try {
      if (!isBinary) throw new Error('text frame')
      // Copied out of ws's buffer: Yjs may keep views of it in the document.
      this.#handle(connection, parseMessage(new Uint8Array(data as Buffer)))
    } catch {
      // Whatever a client sends, the worst outcome is its own connection closed.
      this.#refuse(connection)
    }
  }

  #handle(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'syncStep1':
        return this.#send(connection, encodeSyncStep2(this.#doc, message.stateVector))
      case 'syncStep2':
      case 'update':
        if (connection.access === 'write') Y.applyUpdate(this.#doc, message.update, connection)
        return
      case 'awareness':
        return applyAwarenessUpdate(this.#awareness, message.update, connection)
      case 'queryAwareness':
        return this.#send(connection, this.#everyonesPresence())
    }
  }

  // Persists and relays what a write connection actually changed: Yjs re-encodes it, so what
  // reaches the disk is never the raw frame, and a resent update that changes nothing is not logged.
  #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!this.#isConnection(origin)) return
    void this.#log.append(update)
    this.#broadcast(encodeUpdate(update), origin)
  }

  #onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (this.#isConnection(origin)) {
      for (const id of [...changes.added, ...changes.updated]) origin.awarenessClients.add(id)
      for (const id of changes.removed) origin.awarenessClients.delete(id)
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed]
    this.#broadcast(encodeAwareness(encodeAwarenessUpdate(this.#awareness, changed)), origin)
  }

  #detach(connection: Connection, code: number): void {
    this.#connections.delete(connection)
    this.#logger.info(
      `room ${shortRoomId(this.id)}: ${connection.access} connection closed (${code})`,
    )
    // Tells the others this device left now, rather than after the 30 s awareness timeout.
    removeAwarenessStates(this.#awareness, [...connection.awarenessClients], null)
    if (this.#connections.size === 0) this.#onEmpty()
  }

  #refuse(connection: Connection): void {
    this.#logger.warn(
      `room ${shortRoomId(this.id)}: bad message, ${connection.access} connection closed`,
    )
    connection.socket.close(CloseCode.badRequest, 'bad message')
  }

  #everyonesPresence(): Uint8Array {
    const present = [...this.#awareness.getStates().keys()]
    return encodeAwareness(encodeAwarenessUpdate(this.#awareness, present))
  }

  #isConnection(origin: unknown): origin is Connection {
    return this.#connections.has(origin as Connection)
  }

  #send(connection: Connection, message: Uint8Array): void {
    if (connection.socket.readyState === WebSocket.OPEN) connection.socket.send(message)
  }

  #broadcast(message: Uint8Array, except: unknown): void {
    for (const connection of this.#connections) {
      if (connection !== except) this.#send(connection, message)
    }
  }
}
