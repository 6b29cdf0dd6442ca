/**
 * The rooms in memory: room id → `Room`. A room is loaded from `<roomsDir>/<roomId>.log` when its
 * first connection arrives, and unloaded a while after its last one leaves, once its log is
 * flushed. Room ids are validated (32 hex characters) before they get here, so they are safe
 * as file names.
 */
import { join } from 'node:path'
import type { WebSocket } from 'ws'
import type { Access, RoomId } from '../src/links/capability'
import { shortRoomId, type Logger } from './log'
import { Room } from './room'
import type { CompactionLimits } from './roomLog'

export interface RoomsOptions {
  roomsDir: string
  /** How long an empty room stays loaded, so a reload or a Wi-Fi blip does not re-read the log. */
  unloadAfterMs: number
  compaction: CompactionLimits
  logger: Logger
}

export class Rooms {
  readonly #rooms = new Map<RoomId, Room>()
  readonly #unloadTimers = new Map<Room, NodeJS.Timeout>()
  readonly #options: RoomsOptions

  constructor(options: RoomsOptions) {
    this.#options = options
  }

  join(roomId: RoomId, socket: WebSocket, access: Access): void {
    const room = this.#rooms.get(roomId) ?? this.#open(roomId)
    this.#cancelUnload(room)
    room.attach(socket, access)
  }

  stats(): { rooms: number; connections: number } {
    let connections = 0
    for (const room of this.#rooms.values()) connections += room.connectionCount
    return { rooms: this.#rooms.size, connections }
  }

  /** Flushes and frees every room. The caller has already closed their sockets. */
  async close(): Promise<void> {
    for (const room of this.#rooms.values()) this.#cancelUnload(room)
    const rooms = [...this.#rooms.values()]
    this.#rooms.clear()
    await Promise.all(rooms.map((room) => this.#close(room)))
  }

  #open(roomId: RoomId): Room {
    const { roomsDir, compaction, logger } = this.#options
    const file = join(roomsDir, `${roomId}.log`)
    const room: Room = new Room(roomId, file, compaction, logger, () => this.#scheduleUnload(room))
    this.#rooms.set(roomId, room)
    room.ready.catch((error: NodeJS.ErrnoException) => {
      logger.error(`room ${shortRoomId(roomId)}: cannot load its log (${error.code ?? error})`)
      // Forgotten at once, so that the next connection tries to load it again.
      this.#forget(room)
      void this.#close(room)
    })
    return room
  }

  #scheduleUnload(room: Room): void {
    if (this.#rooms.get(room.id) !== room) return
    this.#cancelUnload(room)
    const timer = setTimeout(() => void this.#unload(room), this.#options.unloadAfterMs)
    this.#unloadTimers.set(room, timer)
  }

  #cancelUnload(room: Room): void {
    clearTimeout(this.#unloadTimers.get(room))
    this.#unloadTimers.delete(room)
  }

  async #unload(room: Room): Promise<void> {
    this.#unloadTimers.delete(room)
    await room.flush()
    // Someone may have joined while the log was flushing: then the room stays.
    if (room.connectionCount > 0 || this.#rooms.get(room.id) !== room) return
    this.#forget(room)
    await this.#close(room)
  }

  // Never rejects: a floating rejection would stop the whole relay.
  async #close(room: Room): Promise<void> {
    await room.close().catch((error: NodeJS.ErrnoException) => {
      this.#options.logger.error(
        `room ${shortRoomId(room.id)}: close failed (${error.code ?? error})`,
      )
    })
  }

  #forget(room: Room): void {
    this.#cancelUnload(room)
    if (this.#rooms.get(room.id) === room) this.#rooms.delete(room.id)
  }
}
