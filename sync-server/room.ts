/**
 * One meeting on the relay: its Yjs document (kept on disk by a `RoomLog`), the presence
 * (awareness) of the devices connected to it, and those connections.
 *
 * Load before sync: the document is read from disk before any message of any connection is
 * handled and before the relay sends anything, so no device is ever told "synced" with an
 * empty meeting after a restart. If an earlier instance of the same room is still closing
 * (unloaded a moment ago), loading waits for it, so two instances never share the file.
 *
 * A write connection's updates are checked first (`updateCheck.ts`) and applied whole or not at
 * all, with the connection as origin, then relayed to the other connections at the end of the
 * event-loop turn (merged into one frame for a device that wrote none of them) and logged; one that
 * waits for changes the room lacks waits on its connection, bounded. So the log always reloads
 * to the document in memory, which is what every device received. A read connection (projector) receives the document and live updates;
 * document changes it sends are dropped — never applied, relayed or stored. An atelier
 * connection (a tablet's atelier link) writes like a writer while its key matches its atelier's
 * check and each update stays within that atelier (`atelierScope.ts`); an update that does not
 * is dropped like a reader's, and counted, and the connection stays open. Until its key matches,
 * it is a reader. Presence (awareness) ids belong to the connection that first announced them in
 * the room, until it leaves: another connection's entries for them are dropped the same way.
 *
 * Whatever a connection sends, the worst outcome is that connection closed, with a code saying
 * why (`refusals.ts`): a message it cannot decode or an update refused (4400), a presence too
 * large (4400), a message too large (1009), a change
 * that would make the document larger than `maxDocumentBytes` (4413, the change is not applied),
 * more messages or bytes per second than allowed (4529), or a client that does not read what it
 * is sent (1013). The room and its other connections carry on.
 */
import { WebSocket, type RawData } from 'ws'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { RoomId } from '../src/links/capability'
import type { Grant } from './admission'
import { atelierKeyMatches, withinAtelier } from './atelierScope'
import { shortRoomId, type Logger } from './log'
import { ConnectionBudget, ConnectionBudgets, type RateLimits } from './limits'
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodePresenceEntries,
  encodeUpdate,
  parseMessage,
  presenceEntries,
  type ClientMessage,
  type PresenceEntry,
} from './messages'
import type { Metrics } from './metrics'
import { REFUSALS, UPDATE_REFUSAL_LABELS, type RefusalKind } from './refusals'
import { RoomLog, type CompactionLimits, type OpenLogFile } from './roomLog'
import { isMeetingDocument, RoomSnapshots, type SnapshotPolicy } from './snapshots'
import { checkUpdate, orderHoldsInCopy } from './updateCheck'

export interface RoomLimits extends RateLimits {
  maxDocumentBytes: number
  /** Largest awareness (presence) message: the app's presence is a few dozen bytes. */
  maxPresenceBytes: number
  /** Presence entries one connection may announce: a tab has one. */
  maxPresencesPerConnection: number
  /** Bytes queued for a client that does not read before it is cut. */
  maxBufferedBytes: number
}

export interface RoomOptions {
  id: RoomId
  logFile: string
  /** Where and how often this room keeps dated snapshots (`snapshots.ts`); none if absent. */
  snapshots?: { dir: string; policy: SnapshotPolicy }
  /** Settles when the previous instance of this room has released its file. */
  after: Promise<void>
  compaction: CompactionLimits
  limits: RoomLimits
  logger: Logger
  metrics: Metrics
  /** Called when the last connection leaves. */
  onEmpty: () => void
  /** How the log file is opened for appending (`roomLog.ts`); a test's stand-in for the disk. */
  openLogFile?: OpenLogFile
  /**
   * Rate budgets carried over reconnections, shared by the relay's rooms (a room unloaded and
   * loaded again keeps them); the room's own if absent.
   */
  budgets?: ConnectionBudgets
}

/** One device's WebSocket in this room; also the Yjs and awareness origin of what it sends. */
interface Connection {
  socket: WebSocket
  access: Grant
  /** Where it comes from, for its rate budget (`ConnectionBudgets`); never logged. Null: unknown. */
  place: string | null
  /** Set when the relay refused it: nothing it sends afterwards is handled. */
  refused: boolean
  /** One of its updates went beyond its atelier (logged once per connection). */
  outOfScope: boolean
  budget: ConnectionBudget
  /**
   * Awareness client ids this connection owns: those it was the first to announce in this room.
   * Freed, and their presence removed, when it leaves.
   */
  awarenessClients: Set<number>
  /** One of its presence messages touched another connection's ids (logged once per connection). */
  foreignPresence: boolean
  /** Its one message larger than `maxMessageBytes` (its whole document, sync step 2) came. */
  sentWholeDocument: boolean
  /** Its updates that wait for a struct the room lacks, and their total size. */
  waiting: Array<{ update: Uint8Array; missing: { client: number; clock: number } }>
  waitingBytes: number
}

/**
 * What one connection's updates may wait for missing structs. A device reconnecting sends its
 * step 2 (everything the relay lacks) a round trip after opening; edits typed meanwhile may build
 * on its offline work and arrive first — a few keystrokes, not megabytes.
 */
const MAX_WAITING_UPDATES = 64
const MAX_WAITING_BYTES = 1024 * 1024

const ignore = () => {}

export class Room {
  readonly id: RoomId
  /** Settles once the document is loaded from disk; rejects if the log cannot be read. */
  readonly ready: Promise<void>
  readonly #doc = new Y.Doc({ gc: true })
  readonly #awareness = new Awareness(this.#doc)
  /** Awareness client id → the open connection that owns it (`Connection.awarenessClients`). */
  readonly #presenceOwners = new Map<number, Connection>()
  /** Open connections: who gets updates and presence. */
  readonly #connections = new Set<Connection>()
  /** Every connection ever attached: the origins whose document updates are logged and relayed. */
  readonly #origins = new WeakSet<Connection>()
  /** Document updates applied in this event-loop turn, with their authors: relayed at its end. */
  #turn: Array<{ update: Uint8Array; origin: Connection }> = []
  /**
   * Atelier connections that sent updates before their key matched (the coordinator's check not
   * here yet): they are asked for their changes again once it matches, or their later updates
   * would wait for the dropped ones for ever.
   */
  readonly #awaitingKeyCheck = new Set<Connection>()
  #closing = false
  readonly #log: RoomLog
  readonly #snapshots: RoomSnapshots | null
  readonly #options: RoomOptions
  readonly #budgets: ConnectionBudgets
  readonly #logger: Logger
  readonly #metrics: Metrics
  /**
   * An upper bound of the document's encoded size: exact when measured, plus the size of every
   * update applied since. Measuring costs a full encoding, so it is done only when this bound
   * would cross the limit.
   */
  #sizeBound = 0
  #growthSinceMeasure = 0

  constructor(options: RoomOptions) {
    this.id = options.id
    this.#options = options
    this.#budgets = options.budgets ?? new ConnectionBudgets(options.limits)
    this.#logger = options.logger
    this.#metrics = options.metrics
    this.#log = new RoomLog({
      file: options.logFile,
      snapshot: () => Y.encodeStateAsUpdate(this.#doc),
      limits: options.compaction,
      logger: options.logger,
      label: shortRoomId(options.id),
      compactOnClose: true,
      openFile: options.openLogFile,
      observer: {
        persisted: (seconds, records) => {
          options.metrics.persistSeconds.observe(seconds)
          options.metrics.updatesStored += records
        },
        failed: () => (options.metrics.storageErrors += 1),
        unreadable: (bytes, reason) => options.metrics.unreadable(bytes, reason),
      },
    })
    this.#snapshots = options.snapshots
      ? new RoomSnapshots({
          ...options.snapshots,
          state: () => (isMeetingDocument(this.#doc) ? Y.encodeStateAsUpdate(this.#doc) : null),
          logger: options.logger,
          label: shortRoomId(options.id),
        })
      : null
    // The relay is not a participant: it holds everyone's presence but has none of its own.
    this.#awareness.setLocalState(null)
    this.#doc.on('update', this.#onDocUpdate)
    this.#awareness.on('update', this.#onAwarenessUpdate)
    this.ready = options.after.then(() => this.#load())
  }

  get connectionCount(): number {
    return this.#connections.size
  }

  /** Some update received is not on disk yet: the room must not be unloaded. */
  get pending(): boolean {
    return this.#log.pending
  }

  /**
   * `address`: the device's network address as the relay sees it. Without one (a test's socket),
   * the connection starts with a full budget and leaves none behind.
   */
  attach(socket: WebSocket, access: Grant, address?: string): void {
    const place = address === undefined ? null : placeOf(this.id, access, address)
    const connection: Connection = {
      socket,
      access,
      place,
      refused: false,
      outOfScope: false,
      budget:
        place === null ? new ConnectionBudget(this.#options.limits) : this.#budgets.take(place),
      awarenessClients: new Set(),
      foreignPresence: false,
      sentWholeDocument: false,
      waiting: [],
      waitingBytes: 0,
    }
    this.#connections.add(connection)
    this.#origins.add(connection)
    this.#logger.info('connection.opened', { room: shortRoomId(this.id), access: kindOf(access) })
    socket.on('close', (code) => this.#detach(connection, code))
    // Registered first, so the greeting precedes the handling of any message.
    this.ready.then(
      () => this.#greet(connection),
      () => this.#refuse(connection, 'storageUnavailable'),
    )
    socket.on('message', (data, isBinary) => {
      // What a device sent before closing is handled (its last edit may be in it); what a
      // refused device sends after the refusal is not.
      if (connection.refused || this.#closing) return
      // Counted before the room is loaded too: what waits for `ready` is bounded by the budget.
      const refusal = this.#admitMessage(connection, data)
      if (refusal) return this.#refuse(connection, refusal)
      // Until the room is loaded, messages wait on `ready`, and keep their order.
      this.ready.then(() => this.#receive(connection, data, isBinary), ignore)
    })
  }

  /** Resolves once every update received so far is on disk. */
  flush(): Promise<void> {
    return this.#log.flush()
  }

  /** Flushes and frees the room. Its sockets must already be closing. */
  async close(): Promise<void> {
    this.#closing = true
    await this.ready.catch(ignore)
    await this.#snapshots?.close()
    await this.#log.close()
    this.#awareness.off('update', this.#onAwarenessUpdate)
    this.#doc.off('update', this.#onDocUpdate)
    this.#awareness.destroy()
    this.#doc.destroy()
  }

  async #load(): Promise<void> {
    const started = performance.now()
    // Each record is checked as a device's update is: a log written by an older relay may hold
    // one that cannot be reloaded, and the rest is then set aside instead of bricking the room.
    await this.#log.load((update) => {
      const check = checkUpdate(this.#doc, update)
      if (!check.ok || (!check.orderChecked && !orderHoldsInCopy(this.#doc, update))) return false
      Y.applyUpdate(this.#doc, update)
      return true
    })
    this.#sizeBound = this.#log.storedBytes
    this.#growthSinceMeasure = this.#sizeBound
    this.#metrics.loadSeconds.observe((performance.now() - started) / 1000)
  }

  #greet(connection: Connection): void {
    // Asks a writer for what it has and the relay lacks (its offline edits). A reader is not asked.
    if (connection.access !== 'read') this.#send(connection, encodeSyncStep1(this.#doc))
    if (this.#awareness.getStates().size > 0) this.#send(connection, this.#everyonesPresence())
  }

  #receive(connection: Connection, data: RawData, isBinary: boolean): void {
    // Refused meanwhile (an earlier message was bad), or the room is being unloaded.
    if (connection.refused || this.#closing) return
    let message: ClientMessage
    this.#metrics.messagesHandled += 1
    try {
      if (!isBinary) throw new Error('text frame')
      // Copied out of ws's buffer: Yjs may keep views of it in the document.
      message = parseMessage(new Uint8Array(data as Buffer))
    } catch {
      return this.#refuse(connection, 'badMessage')
    }
    try {
      const refusal = this.#handle(connection, message)
      if (refusal) this.#refuse(connection, refusal)
    } catch {
      // A decodable update that Yjs still cannot apply: the same as an undecodable one.
      this.#refuse(connection, 'badMessage')
    }
  }

  #handle(connection: Connection, message: ClientMessage): RefusalKind | void {
    switch (message.type) {
      case 'syncStep1':
        if (!connection.budget.stateRequest()) return 'rateLimited'
        return this.#send(connection, encodeSyncStep2(this.#doc, message.stateVector))
      case 'syncStep2':
      case 'update':
        if (this.#mayWrite(connection)) return this.#apply(connection, message.update)
        if (connection.access !== 'read') this.#awaitingKeyCheck.add(connection)
        return
      case 'awareness':
        // A presence from a device already gone would linger: it left. A read key may follow
        // the meeting, not announce itself in it (a projector's link could otherwise put any
        // name or state in every tablet's presence).
        if (!this.#connections.has(connection) || !this.#mayWrite(connection)) return
        if (message.update.length > this.#options.limits.maxPresenceBytes) return 'badPresence'
        return this.#announce(connection, message.update)
      case 'queryAwareness':
        return this.#send(connection, this.#everyonesPresence())
    }
  }

  /**
   * Applies a connection's presence entries for ids it owns or nobody owns (it owns those from
   * then on, within `maxPresencesPerConnection`: a message that would take more is refused whole,
   * before any of it reaches the others); entries for another open connection's ids are
   * dropped. Stock clients send some: they echo every presence they receive (a no-op, as its clock
   * is not newer) and remove one they have not heard of for 30 s. Only those that would have
   * changed something are counted; the connection stays open, its own entries keep flowing.
   * Removing a presence the relay does not hold changes nothing, and is dropped too: Yjs would
   * keep its clock for as long as the meeting is loaded, an id at a time.
   */
  #announce(connection: Connection, update: Uint8Array): RefusalKind | void {
    const entries = presenceEntries(update)
    const kept: PresenceEntry[] = []
    let foreignChange = false
    let newIds = 0
    for (const entry of entries) {
      const owner = this.#presenceOwners.get(entry.client)
      if (owner !== undefined && owner !== connection) {
        foreignChange ||= this.#wouldChangePresence(entry)
      } else if (!entry.removes || this.#awareness.states.has(entry.client)) {
        kept.push(entry)
        if (owner === undefined && !entry.removes && this.#wouldChangePresence(entry)) newIds++
      }
    }
    if (foreignChange) this.#foreignPresence(connection)
    // Refused before anything of it is applied, so nothing of it reaches the others.
    const owned = connection.awarenessClients.size + newIds
    if (owned > this.#options.limits.maxPresencesPerConnection) return 'badPresence'
    if (kept.length === 0) return
    const applied = kept.length === entries.length ? update : encodePresenceEntries(kept)
    applyAwarenessUpdate(this.#awareness, applied, connection)
  }

  /** What `applyAwarenessUpdate` would apply: a newer clock, or a removal at the same one. */
  #wouldChangePresence({ client, clock, removes }: PresenceEntry): boolean {
    const current = this.#awareness.meta.get(client)?.clock ?? 0
    return clock > current || (clock === current && removes && this.#awareness.states.has(client))
  }

  /** Dropped, counted; logged once per connection. */
  #foreignPresence(connection: Connection): void {
    this.#metrics.refused(UPDATE_REFUSAL_LABELS.foreignPresence)
    if (connection.foreignPresence) return
    connection.foreignPresence = true
    this.#logger.warn('presence.foreign', {
      room: shortRoomId(this.id),
      access: kindOf(connection.access),
    })
  }

  /** A writer, or an atelier connection whose key matches its atelier's check (now). */
  #mayWrite(connection: Connection): boolean {
    const { access } = connection
    if (access === 'write' || access === 'read') return access === 'write'
    return atelierKeyMatches(this.#doc, access.atelierId, access.keyCheck)
  }

  /**
   * A message's size and rate. The one message that may exceed `maxMessageBytes` is a device's
   * whole document (sync step 2, once per connection), up to the document limit that the relay
   * accepts (`ws`'s `maxPayload`): a device must always be able to send back a meeting the relay
   * lost. It counts as one message, not against the byte rate.
   */
  #admitMessage(connection: Connection, data: RawData): RefusalKind | void {
    const bytes = byteLength(data)
    if (bytes <= this.#options.limits.maxMessageBytes) {
      if (!connection.budget.message(bytes)) return 'rateLimited'
      return
    }
    if (connection.sentWholeDocument || !isSyncStep2(data)) return 'messageTooBig'
    connection.sentWholeDocument = true
    if (!connection.budget.message(0)) return 'rateLimited'
  }

  /**
   * Applies a writer's update whole, or not at all: a malformed one is refused (`updateCheck.ts`),
   * one that would make the document outgrow `maxDocumentBytes` too, and one whose dependencies
   * are missing waits, within the connection's budget, until they arrive.
   */
  #apply(connection: Connection, update: Uint8Array): RefusalKind | void {
    const check = checkUpdate(this.#doc, update)
    if (!check.ok) {
      if ('malformed' in check) return 'badUpdate'
      return this.#wait(connection, update, check.missing)
    }
    const { access } = connection
    if (
      typeof access === 'object' &&
      !withinAtelier(this.#doc, access.atelierId, check.placed, check.deleteSet)
    )
      return this.#outOfScope(connection)
    const growth = this.#growthOf(update)
    if (growth === null) return 'documentTooLarge'
    if (!check.orderChecked) {
      // Costs a copy of the document, like answering a sync step 1: budgeted the same way.
      if (!connection.budget.stateRequest()) return 'rateLimited'
      if (!orderHoldsInCopy(this.#doc, update)) return 'badUpdate'
    }
    Y.applyUpdate(this.#doc, update, connection)
    this.#sizeBound += growth
    this.#growthSinceMeasure += growth
    this.#retryWaiting()
  }

  /** Dropped like a reader's update, counted; the tablet's later, own updates still apply. */
  #outOfScope(connection: Connection): void {
    this.#metrics.refused(UPDATE_REFUSAL_LABELS.outOfScope)
    if (connection.outOfScope) return
    connection.outOfScope = true
    this.#logger.warn('update.out_of_scope', { room: shortRoomId(this.id), access: 'atelier' })
  }

  #wait(
    connection: Connection,
    update: Uint8Array,
    missing: { client: number; clock: number },
  ): RefusalKind | void {
    if (
      connection.waiting.length >= MAX_WAITING_UPDATES ||
      connection.waitingBytes + update.length > MAX_WAITING_BYTES
    )
      return 'missingDependencies'
    connection.waiting.push({ update, missing })
    connection.waitingBytes += update.length
  }

  /** Applies the waiting updates whose missing struct has arrived (each is checked again). */
  #retryWaiting(): void {
    const store = this.#doc.store
    for (const connection of this.#connections) {
      if (connection.waiting.length === 0 || connection.refused) continue
      const arrived = connection.waiting.filter(
        ({ missing }) => Y.getState(store, missing.client) > missing.clock,
      )
      if (arrived.length === 0) continue
      connection.waiting = connection.waiting.filter((entry) => !arrived.includes(entry))
      for (const { update } of arrived) {
        connection.waitingBytes -= update.length
        // Applying one may make others ready: #apply calls back here, so the loop is recursive.
        const refusal = this.#apply(connection, update)
        if (refusal) {
          this.#refuse(connection, refusal)
          break
        }
      }
    }
  }

  /** How much `update` can add to the document, or null if that would exceed the limit. */
  #growthOf(update: Uint8Array): number | null {
    const max = this.#options.limits.maxDocumentBytes
    if (this.#sizeBound + update.length <= max) return update.length
    // A reconnecting device sends its whole document, mostly known here: only the rest counts.
    const growth = Y.diffUpdate(update, Y.encodeStateVector(this.#doc)).length
    if (this.#sizeBound + growth <= max) return growth
    // The bound may have drifted above the real size (overwritten values, deletions): measure,
    // but only if it moved since the last measure, so a full room does not re-encode per message.
    if (this.#growthSinceMeasure === 0) return null
    this.#sizeBound = Y.encodeStateAsUpdate(this.#doc).length
    this.#growthSinceMeasure = 0
    return this.#sizeBound + growth <= max ? growth : null
  }

  // Relays and persists what a write connection actually changed: Yjs re-encodes it, so what
  // reaches the disk is never the raw frame, and a resent update that changes nothing is not logged.
  // Relayed at the end of this event-loop turn, before the log writes it (`roomLog.ts` waits for
  // the turn too): the other devices never wait for the disk.
  #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!this.#origins.has(origin as Connection)) return
    if (this.#turn.length === 0) setImmediate(this.#relayTurn)
    this.#turn.push({ update, origin: origin as Connection })
    void this.#log.append(update)
    this.#snapshots?.changed()
    this.#askForChangesOnceKeyMatches()
  }

  /**
   * Sends each device what this turn's updates changed, except its own. A busy relay reads several
   * updates of a room per turn, and a frame per update and device (its framing and system call) is
   * most of what fan-out costs: a device that wrote none of them gets them merged into one update,
   * one frame, the merge made once for all such devices; an author gets the others' updates one by
   * one (merging for each author would cost more than the frames it saves). A turn of one update
   * sends it as it came.
   */
  #relayTurn = (): void => {
    const turn = this.#turn
    this.#turn = []
    if (this.#closing) return
    const frames = turn.map((entry) => encodeUpdate(entry.update))
    if (turn.length === 1) return this.#broadcast(frames[0]!, turn[0]!.origin)
    const authors = new Set(turn.map((entry) => entry.origin))
    let merged: Uint8Array | null = null
    for (const connection of this.#connections) {
      if (!authors.has(connection)) {
        merged ??= encodeUpdate(Y.mergeUpdates(turn.map((entry) => entry.update)))
        this.#send(connection, merged)
      } else {
        turn.forEach((entry, i) => {
          if (entry.origin !== connection) this.#send(connection, frames[i]!)
        })
      }
    }
  }

  /** Atelier connections whose key now matches send what they sent before (see the field). */
  #askForChangesOnceKeyMatches(): void {
    for (const connection of this.#awaitingKeyCheck) {
      if (!this.#mayWrite(connection)) continue
      this.#awaitingKeyCheck.delete(connection)
      this.#send(connection, encodeSyncStep1(this.#doc))
    }
  }

  #onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // A connection's removal of its own presence keeps the id its own: it may announce it again.
    if (this.#isConnection(origin)) {
      for (const id of [...changes.added, ...changes.updated]) {
        if (this.#presenceOwners.has(id)) continue
        this.#presenceOwners.set(id, origin)
        origin.awarenessClients.add(id)
      }
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed]
    this.#broadcast(encodeAwareness(encodeAwarenessUpdate(this.#awareness, changed)), origin)
  }

  #detach(connection: Connection, code: number): void {
    this.#connections.delete(connection)
    // A refused connection left its budget when it was refused.
    if (!connection.refused) this.#leaveBudget(connection)
    this.#awaitingKeyCheck.delete(connection)
    this.#logger.info('connection.closed', {
      room: shortRoomId(this.id),
      access: kindOf(connection.access),
      code,
    })
    // Tells the others this device left now, rather than after the 30 s awareness timeout; then
    // forgets its ids (their clocks too: awareness keeps one per id ever seen), so that what a
    // meeting holds of presence is bounded by its connections.
    const ids = [...connection.awarenessClients]
    removeAwarenessStates(this.#awareness, ids, null)
    for (const id of ids) {
      this.#presenceOwners.delete(id)
      this.#awareness.meta.delete(id)
    }
    if (this.#connections.size === 0) this.#options.onEmpty()
  }

  #refuse(connection: Connection, kind: RefusalKind): void {
    const { socket } = connection
    if (connection.refused) return
    connection.refused = true
    // At once, not when its socket closes: the client may be back before the close handshake ends.
    this.#leaveBudget(connection)
    if (socket.readyState !== WebSocket.OPEN && socket.readyState !== WebSocket.CONNECTING) return
    const refusal = REFUSALS[kind]
    this.#metrics.refused(refusal.label)
    this.#logger.warn('connection.refused', {
      room: shortRoomId(this.id),
      access: kindOf(connection.access),
      reason: refusal.label,
      code: refusal.code,
    })
    // A client that does not read gets its close frame after what is queued for it, and is cut
    // `closeTimeout` later if it never reads it (see `relay.ts`).
    socket.close(refusal.code, refusal.reason)
  }

  /** Nothing it sends is counted any more: its budget goes to the next connection from its place. */
  #leaveBudget(connection: Connection): void {
    if (connection.place !== null) this.#budgets.leave(connection.place, connection.budget)
  }

  #everyonesPresence(): Uint8Array {
    const present = [...this.#awareness.getStates().keys()]
    return encodeAwareness(encodeAwarenessUpdate(this.#awareness, present))
  }

  #isConnection(origin: unknown): origin is Connection {
    return this.#connections.has(origin as Connection)
  }

  #send(connection: Connection, message: Uint8Array): void {
    const { socket } = connection
    if (socket.readyState !== WebSocket.OPEN) return
    if (socket.bufferedAmount + message.length > this.#options.limits.maxBufferedBytes) {
      return this.#refuse(connection, 'slowReader')
    }
    socket.send(message)
    this.#metrics.sent(message.length)
  }

  #broadcast(message: Uint8Array, except: unknown): void {
    for (const connection of this.#connections) {
      if (connection !== except) this.#send(connection, message)
    }
  }
}

/** What the log says of a connection's access: never its atelier (content) nor its key. */
function kindOf(access: Grant): 'write' | 'read' | 'atelier' {
  return typeof access === 'object' ? 'atelier' : access
}

/**
 * A connection's meeting, key and address: a client reconnecting from there resumes the budget it
 * left (`ConnectionBudgets`). The atelier key's hash tells two atelier keys apart, as it does at
 * each message.
 */
function placeOf(room: RoomId, access: Grant, address: string): string {
  const grant =
    typeof access === 'object' ? `atelier ${access.atelierId} ${access.keyCheck}` : access
  return `${room} ${grant} ${address}`
}

/** Sync (0), step 2 (1): a device's whole document, or what the relay lacks of it. */
function isSyncStep2(data: RawData): boolean {
  const bytes = Array.isArray(data)
    ? data[0]
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : data
  return bytes !== undefined && bytes[0] === 0 && bytes[1] === 1
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0)
  return data.byteLength
}
