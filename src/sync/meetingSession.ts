/**
 * A meeting open on this device: its Yjs document, stored in this browser's IndexedDB
 * (y-indexeddb, database `tandem-<roomId>`) and synced with the relay (y-websocket) whenever a
 * path exists. The document is usable as soon as IndexedDB has loaded; the network is optional.
 *
 * The session also keeps a small status (loaded, connection, last sync, changes waiting for the
 * relay) that the UI shows through `useSyncStatus`.
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Capability, CapabilityKey, RoomId } from '../links/capability'
import { migrateMeeting } from '../doc/meetingDoc'
import { isOwnOrigin } from '../doc/origins'
import { reportStorageError } from '../device/storageHealth'
import { CloseCode, protocolsFor } from './protocol'

export type ConnectionState = 'connecting' | 'synced' | 'offline' | 'refused'

export interface SyncStatus {
  /** The document has been read from this device's storage. */
  loaded: boolean
  connection: ConnectionState
  /** Last moment this device and the relay were known to hold the same document (ms). */
  lastSyncedAt: number | null
  /** Changes made here that the relay has not received yet. */
  pendingChanges: boolean
}

export interface SessionOptions {
  relayUrl: string
  /** Last sync time remembered from a previous visit. */
  lastSyncedAt?: number | null
  /** Called (throttled) when the document is in sync with the relay, to remember the time. */
  onSynced?: (roomId: RoomId, at: number) => void
  /** Injected in Node tests; browsers use their own. */
  WebSocketImpl?: typeof WebSocket
}

/** While synced, how often `lastSyncedAt` moves forward (ms). Also the UI's refresh tick. */
const SYNCED_TICK_MS = 5_000

export class MeetingSession {
  readonly doc = new Y.Doc()
  readonly roomId: RoomId
  readonly readOnly: boolean
  private readonly persistence: IndexeddbPersistence
  private readonly provider: WebsocketProvider
  private status: SyncStatus
  private listeners = new Set<() => void>()
  private tick: ReturnType<typeof setInterval>
  private readonly cleanups: Array<() => void> = []

  constructor(capability: Capability, options: SessionOptions) {
    this.roomId = capability.roomId
    this.readOnly = capability.access === 'read'
    const key: CapabilityKey = capability.writeKey ?? capability.readKey
    this.status = {
      loaded: false,
      connection: navigator.onLine === false ? 'offline' : 'connecting',
      lastSyncedAt: options.lastSyncedAt ?? null,
      pendingChanges: false,
    }

    this.persistence = new IndexeddbPersistence(`tandem-${capability.roomId}`, this.doc)
    this.persistence._db.catch(reportStorageError)
    void this.persistence.whenSynced.then(() => {
      migrateMeeting(this.doc)
      this.update({ loaded: true })
    })

    this.provider = new WebsocketProvider(options.relayUrl, capability.roomId, this.doc, {
      protocols: protocolsFor(key),
      WebSocketPolyfill: options.WebSocketImpl ?? WebSocket,
      // Tabs of one browser already share IndexedDB; the relay is the one sync path to test.
      disableBc: true,
      connect: navigator.onLine !== false,
    })
    // Failed attempts emit only 'connection-close', so that is what means "offline"; between
    // retries the state stays offline instead of flickering through "connecting".
    this.provider.on('connection-close', () => {
      if (this.status.connection !== 'refused') this.update({ connection: 'offline' })
    })
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.update({ connection: 'connecting' })
    })
    this.provider.on('sync', (synced) => {
      if (synced) this.markSynced(options)
    })
    this.provider.on('closed', ({ code }) => {
      if (code === CloseCode.invalidKey || code === CloseCode.badRequest)
        this.update({ connection: 'refused' })
    })

    const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
      if (isOwnOrigin(origin) && !this.provider.synced) this.update({ pendingChanges: true })
    }
    this.doc.on('update', onDocUpdate)
    this.cleanups.push(() => this.doc.off('update', onDocUpdate))

    // The browser knows before the socket does that the network went away, and when it comes
    // back: stop retrying into the void, and reconnect at once instead of after a back-off.
    const onOffline = () => {
      this.provider.disconnect()
      this.update({ connection: 'offline' })
    }
    const onOnline = () => {
      if (this.status.connection !== 'refused') this.provider.connect()
    }
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    this.cleanups.push(() => {
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
    })

    this.tick = setInterval(() => {
      if (this.provider.synced && this.provider.wsconnected) this.markSynced(options)
    }, SYNCED_TICK_MS)
  }

  /** Resolves once the document has been loaded from this device's storage. */
  whenLoaded(): Promise<void> {
    return this.persistence.whenSynced.then(() => undefined)
  }

  getStatus = (): SyncStatus => this.status

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    clearInterval(this.tick)
    for (const cleanup of this.cleanups) cleanup()
    this.provider.destroy()
    void this.persistence.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  private markSynced(options: SessionOptions): void {
    const at = Date.now()
    this.update({ connection: 'synced', lastSyncedAt: at, pendingChanges: false })
    options.onSynced?.(this.roomId, at)
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
