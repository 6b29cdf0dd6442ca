/**
 * The rooms in memory: room id → `Room`. A room is loaded from `<roomsDir>/<roomId>.log` when its
 * first connection arrives, and unloaded `idleMs` after its last one leaves, once every update it
 * received is on disk — an idle room holds no memory. Room ids are validated (32 hex characters)
 * before they get here, so they are safe as file names.
 *
 * Limits: at most `maxRooms` rooms in memory (a new one first unloads the longest-idle empty
 * room; if every room is in use, the connection is refused with 4507 and retries), at most
 * `maxConnectionsPerRoom` connections in one (4503, retries).
 *
 * A room being unloaded stays known until its file is closed: a connection arriving meanwhile
 * opens a new instance that waits for the old one before reading the file.
 */
import { join } from 'node:path'
import type { WebSocket } from 'ws'
import type { RoomId } from '../src/links/capability'
import type { Grant } from './admission'
import { ConnectionBudgets } from './limits'
import { errorCode, shortRoomId, type Logger } from './log'
import type { Metrics } from './metrics'
import type { RefusalKind } from './refusals'
import { Room, type RoomLimits } from './room'
import type { CompactionLimits } from './roomLog'
import type { SnapshotPolicy } from './snapshots'

export interface RoomsOptions {
  roomsDir: string
  /** Each room's snapshots go in `<snapshotsDir>/<roomId>/`. */
  snapshotsDir: string
  snapshotPolicy: SnapshotPolicy
  /** How long an empty room stays loaded, so a reload or a Wi-Fi blip does not re-read the log. */
  idleMs: number
  maxRooms: number
  maxConnectionsPerRoom: number
  limits: RoomLimits
  compaction: CompactionLimits
  logger: Logger
  metrics: Metrics
}

export interface RoomsStats {
  /** Rooms in memory. */
  rooms: number
  connections: number
  /** Rooms unloaded whose file is still being closed. */
  closing: number
  /** Empty rooms waiting for their idle delay. */
  idle: number
}

export class Rooms {
  readonly #rooms = new Map<RoomId, Room>()
  readonly #idleSince = new Map<Room, { since: number; timer: NodeJS.Timeout }>()
  readonly #closing = new Map<RoomId, Promise<void>>()
  readonly #options: RoomsOptions
  readonly #budgets: ConnectionBudgets

  constructor(options: RoomsOptions) {
    this.#options = options
    this.#budgets = new ConnectionBudgets(options.limits)
  }

  /**
   * Attaches the socket to its room, loading it if needed; or says why it cannot. `address` is the
   * device's network address: with the room and key, where its rate budget is carried over.
   */
  join(roomId: RoomId, socket: WebSocket, access: Grant, address: string): RefusalKind | null {
    let room = this.#rooms.get(roomId)
    if (!room) {
      if (this.#rooms.size >= this.#options.maxRooms && !this.#evictIdleRoom()) return 'relayFull'
      room = this.#open(roomId)
    }
    if (room.connectionCount >= this.#options.maxConnectionsPerRoom) return 'roomFull'
    this.#cancelUnload(room)
    room.attach(socket, access, address)
    return null
  }

  stats(): RoomsStats {
    let connections = 0
    for (const room of this.#rooms.values()) connections += room.connectionCount
    return {
      rooms: this.#rooms.size,
      connections,
      closing: this.#closing.size,
      idle: this.#idleSince.size,
    }
  }

  /** Flushes and frees every room. The caller has already closed their sockets. */
  async close(): Promise<void> {
    const rooms = [...this.#rooms.values()]
    for (const room of rooms) this.#forget(room)
    await Promise.all([...rooms.map((room) => this.#closeRoom(room)), ...this.#closing.values()])
  }

  #open(roomId: RoomId): Room {
    const { roomsDir, snapshotsDir, snapshotPolicy, compaction, limits, logger, metrics } =
      this.#options
    const room: Room = new Room({
      id: roomId,
      logFile: join(roomsDir, `${roomId}.log`),
      snapshots: { dir: join(snapshotsDir, roomId), policy: snapshotPolicy },
      after: this.#closing.get(roomId) ?? Promise.resolve(),
      compaction,
      limits,
      logger,
      metrics,
      onEmpty: () => this.#scheduleUnload(room),
      budgets: this.#budgets,
    })
    this.#rooms.set(roomId, room)
    room.ready.catch((error: unknown) => {
      logger.error('room.load_failed', { room: shortRoomId(roomId), error: errorCode(error) })
      // Forgotten at once, so that the next connection tries to load it again.
      this.#forget(room)
      void this.#closeRoom(room)
    })
    return room
  }

  /** Unloads the empty room idle the longest, to make space. False if every room is in use. */
  #evictIdleRoom(): boolean {
    let oldest: Room | null = null
    let oldestSince = Infinity
    for (const [room, { since }] of this.#idleSince) {
      if (since < oldestSince && room.connectionCount === 0 && !room.pending) {
        oldest = room
        oldestSince = since
      }
    }
    if (!oldest) return false
    this.#forget(oldest)
    void this.#closeRoom(oldest)
    return true
  }

  #scheduleUnload(room: Room): void {
    if (this.#rooms.get(room.id) !== room) return
    this.#cancelUnload(room)
    const timer = setTimeout(() => void this.#unload(room), this.#options.idleMs)
    this.#idleSince.set(room, { since: performance.now(), timer })
  }

  #cancelUnload(room: Room): void {
    clearTimeout(this.#idleSince.get(room)?.timer)
    this.#idleSince.delete(room)
  }

  async #unload(room: Room): Promise<void> {
    await room.flush()
    // Someone may have joined while the log was flushing: then the room stays.
    if (room.connectionCount > 0 || this.#rooms.get(room.id) !== room) return
    // A write failed and is being retried: the document exists only in memory, keep it.
    if (room.pending) return this.#scheduleUnload(room)
    this.#forget(room)
    await this.#closeRoom(room)
  }

  // Never rejects: a floating rejection would stop the whole relay.
  #closeRoom(room: Room): Promise<void> {
    const closed = room.close().catch((error: unknown) => {
      this.#options.logger.error('room.close_failed', {
        room: shortRoomId(room.id),
        error: errorCode(error),
      })
    })
    this.#closing.set(room.id, closed)
    void closed.then(() => {
      if (this.#closing.get(room.id) === closed) this.#closing.delete(room.id)
    })
    return closed
  }

  #forget(room: Room): void {
    this.#cancelUnload(room)
    if (this.#rooms.get(room.id) === room) this.#rooms.delete(room.id)
  }
}
