/**
 * A meeting open on this device: its Yjs document, stored in this browser's IndexedDB
 * (`localStore.ts`, database `tandem-<roomId>`) and synced with the relay (y-websocket) whenever a
 * path exists. The document is usable as soon as IndexedDB has loaded; the network is optional.
 *
 * The session also keeps a small status that the UI shows through `useSyncStatus`: loaded,
 * changes not yet committed to this device's storage, connection, last sync, changes the relay
 * has not received, and why the relay refused us if it did. What the relay holds is kept beside
 * the document (`relayHolds.ts`), so changes still waiting are known again after a restart.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Access, Capability, RoomId } from '../links/capability'
import { migrateMeeting } from '../doc/meetingDoc'
import { isOwnOrigin } from '../doc/origins'
import { setStorageProblem } from '../device/storageHealth'
import { LocalStore, type LocalStoreProblem } from './localStore'
import { CloseCode, isPermanentClose, protocolsFor } from './protocol'
import { hasChangesBeyond, RELAY_HOLDS_KEY, relayHoldsNow } from './relayHolds'

export type ConnectionState = 'connecting' | 'synced' | 'offline' | 'refused'

/**
 * Why the relay closed the connection, when it said so. `busy` is transient (the relay is full
 * or this device sent too much): the session keeps retrying. The others are permanent
 * (`connection: 'refused'`): retrying cannot help until someone acts.
 */
export type RelayRefusal = 'invalidKey' | 'badRequest' | 'forbiddenOrigin' | 'tooLarge' | 'busy'

export interface SyncStatus {
  /** The document has been read from this device's storage (or that storage is unusable). */
  loaded: boolean
  /** Changes in memory not yet committed to this device's storage (IndexedDB). */
  unsavedChanges: number
  /** `unsavedChanges === 0`: everything shown is on this device's disk. */
  savedLocally: boolean
  /** This device cannot save right now (full, or IndexedDB failing); edits wait in memory. */
  storageProblem: LocalStoreProblem | null
  connection: ConnectionState
  /** Last moment this device and the relay were known to hold the same document (ms). */
  lastSyncedAt: number | null
  /** Changes made here that the relay has not received yet. */
  pendingChanges: boolean
  refusal: RelayRefusal | null
}

export interface SessionOptions {
  relayUrl: string
  /** Called (throttled) when the document is in sync with the relay, to remember the time. */
  onSynced?: (roomId: RoomId, at: number) => void
  /** Injected in Node tests; browsers use their own. */
  WebSocketImpl?: typeof WebSocket
  /** Injected in Node tests (fake-indexeddb); browsers use their own. */
  indexedDB?: IDBFactory
  /** Where the browser's online/offline events come from; `window` in the app. */
  events?: EventTarget
  /** Longest wait between reconnection attempts (ms). */
  maxBackoffMs?: number
}

/** While synced, how often `lastSyncedAt` moves forward (ms). Also the UI's refresh tick. */
const SYNCED_TICK_MS = 5_000

const REFUSALS: Record<number, RelayRefusal> = {
  [CloseCode.invalidKey]: 'invalidKey',
  [CloseCode.badRequest]: 'badRequest',
  [CloseCode.forbiddenOrigin]: 'forbiddenOrigin',
  [CloseCode.documentTooLarge]: 'tooLarge',
}

const BUSY: number[] = [
  CloseCode.roomFull,
  CloseCode.relayFull,
  CloseCode.rateLimited,
  CloseCode.tryAgainLater,
]

export class MeetingSession {
  readonly doc = new Y.Doc()
  readonly roomId: RoomId
  readonly readOnly: boolean
  /** What the relay lets this device write: everything, one atelier, or nothing. */
  readonly access: Access
  private readonly store: LocalStore
  private readonly provider: WebsocketProvider
  private status: SyncStatus
  private listeners = new Set<() => void>()
  private tick: ReturnType<typeof setInterval>
  private readonly cleanups: Array<() => void> = []
  private readonly storageSource: string
  /** The document changed since what the relay holds was last written down. */
  private changedSinceRelayHolds = true
  private readonly loaded: Promise<void>

  constructor(capability: Capability, options: SessionOptions) {
    this.roomId = capability.roomId
    this.access = capability.access
    this.readOnly = capability.access === 'read'
    this.storageSource = `meeting:${capability.roomId}`
    const online = globalThis.navigator?.onLine !== false
    this.status = {
      loaded: false,
      unsavedChanges: 0,
      savedLocally: true,
      storageProblem: null,
      connection: online ? 'connecting' : 'offline',
      lastSyncedAt: null,
      pendingChanges: false,
      refusal: null,
    }

    this.store = new LocalStore(`tandem-${capability.roomId}`, this.doc, {
      indexedDB: options.indexedDB,
    })
    const onStore = () => {
      const { loaded, unsaved, problem } = this.store.getState()
      setStorageProblem(this.storageSource, problem)
      this.update({
        loaded,
        unsavedChanges: unsaved,
        savedLocally: unsaved === 0,
        storageProblem: problem,
      })
    }
    this.cleanups.push(this.store.subscribe(onStore))
    // Migrating writes meta, which only the whole meeting's writer may (an atelier tablet whose
    // update the relay refused would hold changes it can never send).
    if (capability.access === 'write')
      void this.store.whenLoaded().then(() => migrateMeeting(this.doc))
    this.loaded = this.readOnly ? this.store.whenLoaded() : this.recallPendingChanges()

    this.provider = new WebsocketProvider(options.relayUrl, capability.roomId, this.doc, {
      protocols:
        capability.access === 'write'
          ? protocolsFor(capability.writeKey)
          : protocolsFor(
              capability.readKey,
              'atelier' in capability ? capability.atelier : undefined,
            ),
      WebSocketPolyfill: options.WebSocketImpl ?? WebSocket,
      // Tabs of one browser already share IndexedDB; the relay is the one sync path to test.
      disableBc: true,
      connect: online,
      maxBackoffTime: options.maxBackoffMs,
    })
    // Failed attempts emit only 'connection-close', so that is what means "offline"; between
    // retries the state stays offline instead of flickering through "connecting".
    this.provider.on('connection-close', (event) => {
      if (this.status.connection === 'refused') return
      const busy = event !== null && BUSY.includes(event.code)
      // A change larger than the relay's message limit: the socket closes with 1009 and the
      // provider retries, sending it again. Said as a size refusal, never as "no network".
      const tooBig = event !== null && event.code === CloseCode.messageTooBig
      this.update({
        connection: 'offline',
        refusal: tooBig ? 'tooLarge' : busy ? 'busy' : this.status.refusal,
        // What was refused is this device's own change: the relay does not have it.
        pendingChanges: tooBig || this.status.pendingChanges,
      })
    })
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.update({ connection: 'connecting' })
    })
    this.provider.on('sync', (synced) => {
      if (synced) this.markSynced(options)
    })
    this.provider.on('closed', ({ code }) => {
      if (isPermanentClose(code))
        this.update({ connection: 'refused', refusal: REFUSALS[code] ?? 'badRequest' })
    })

    const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
      this.changedSinceRelayHolds = true
      // The session's own state, not the provider's: after "offline" the socket takes a moment
      // to close, and the provider still says synced while an edit cannot reach the relay.
      if (isOwnOrigin(origin) && this.status.connection !== 'synced')
        this.update({ pendingChanges: true })
    }
    this.doc.on('update', onDocUpdate)
    this.cleanups.push(() => this.doc.off('update', onDocUpdate))

    // The browser knows before the socket does that the network went away, and when it comes
    // back: stop retrying into the void, and reconnect at once instead of after a back-off.
    const events = options.events ?? globalThis.window
    const onOffline = () => {
      this.provider.disconnect()
      this.update({ connection: 'offline' })
    }
    const onOnline = () => {
      if (this.status.connection !== 'refused') this.provider.connect()
    }
    // Closing the tab while edits exist only in memory (storage failing): the browser asks first.
    const onBeforeUnload = (event: Event) => {
      if (this.status.unsavedChanges > 0) event.preventDefault()
    }
    events?.addEventListener('offline', onOffline)
    events?.addEventListener('online', onOnline)
    events?.addEventListener('beforeunload', onBeforeUnload)
    this.cleanups.push(() => {
      events?.removeEventListener('offline', onOffline)
      events?.removeEventListener('online', onOnline)
      events?.removeEventListener('beforeunload', onBeforeUnload)
    })

    this.tick = setInterval(() => {
      if (this.provider.synced && this.provider.wsconnected) this.markSynced(options)
    }, SYNCED_TICK_MS)
  }

  /**
   * Resolves once the document has been loaded from this device's storage, and with it whether
   * changes made here still wait for the relay (`pendingChanges`).
   */
  whenLoaded(): Promise<void> {
    return this.loaded
  }

  /** Resolves once every change made so far is committed to this device's storage. */
  whenSaved(): Promise<void> {
    return this.store.whenSaved()
  }

  getStatus = (): SyncStatus => this.status

  /**
   * The last sync time remembered from an earlier visit, read after the session opened (so
   * opening the meeting never waits for it). A sync made since then wins.
   */
  restoreLastSync(at: number | null): void {
    if (at !== null && this.status.lastSyncedAt === null) this.update({ lastSyncedAt: at })
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Closes the socket at once, and storage once what is unsaved is written (or after a grace). */
  destroy(): Promise<void> {
    clearInterval(this.tick)
    for (const cleanup of this.cleanups) cleanup()
    this.provider.destroy()
    this.listeners.clear()
    return this.store.destroy().finally(() => {
      setStorageProblem(this.storageSource, null)
      this.doc.destroy()
    })
  }

  private markSynced(options: SessionOptions): void {
    // Refused for size, the relay never gets this device's changes: never "in sync" again.
    if (this.status.refusal === 'tooLarge') return
    const at = Date.now()
    this.update({ connection: 'synced', lastSyncedAt: at, pendingChanges: false, refusal: null })
    options.onSynced?.(this.roomId, at)
    if (!this.readOnly && this.changedSinceRelayHolds) {
      this.changedSinceRelayHolds = false
      // Not written (storage failing): the next tick tries again. An older value only makes
      // the next restart say "en attente" until the relay is reached: the safe side.
      void this.store.writeMeta(RELAY_HOLDS_KEY, relayHoldsNow(this.doc)).then((written) => {
        if (!written) this.changedSinceRelayHolds = true
      })
    }
  }

  /**
   * After a restart: changes made here (or imported from a file) that the relay was never known
   * to hold still wait to be sent, whatever this session has done so far.
   */
  private async recallPendingChanges(): Promise<void> {
    await this.store.whenLoaded()
    const held = await this.store.readMeta(RELAY_HOLDS_KEY)
    if (this.status.connection !== 'synced' && hasChangesBeyond(this.doc, held))
      this.update({ pendingChanges: true })
  }

  private update(patch: Partial<SyncStatus>): void {
    const next = { ...this.status, ...patch }
    const changed = (Object.keys(patch) as Array<keyof SyncStatus>).some(
      (key) => next[key] !== this.status[key],
    )
    if (!changed) return
    this.status = next
    for (const listener of this.listeners) listener()
  }
}
