/**
 * The meeting document on this device: IndexedDB database `tandem-<roomId>`, object store
 * `updates` (auto-increment keys, each value one Yjs update; their merge is the document) and a
 * store `custom` of small values about it (y-indexeddb's own place for them; the session keeps
 * there what the relay is known to hold, see `relayHolds.ts`) — exactly y-indexeddb's layout, so
 * documents saved by earlier versions of the app (which used y-indexeddb) open unchanged, and the
 * other way round.
 *
 * Why not y-indexeddb itself: it writes each update without telling anyone when (or whether) the
 * write committed, so the app could not say "enregistré" truthfully; a write that fails (disk
 * full) is an unhandled rejection and the update is gone; a connection the browser closed (iPad
 * Safari does it to a backgrounded tab) makes every later write throw inside Yjs's update
 * listeners, so the edit is neither stored nor sent. This module is the same layout with:
 *
 * - **a count of unsaved updates**: an update is counted from the moment the document changes
 *   until the IndexedDB transaction holding it fires `complete` (committed; Chrome's default
 *   "relaxed" durability: safe from a crash of the browser, not from a power cut of the tablet).
 *   `unsaved === 0` is the one condition under which the UI may say "enregistré sur cet appareil";
 * - **nothing dropped**: updates wait in memory (merged into one, so memory stays the size of the
 *   document) until a transaction commits them; a failed transaction puts them back and is retried,
 *   with back-off, and at once on the next edit;
 * - **reconnection**: a connection closed by the browser (`close` event, `InvalidStateError`) is
 *   reopened on the next write;
 * - **a problem state** (`quota`: the device is full; `unavailable`: IndexedDB cannot be opened or
 *   keeps failing) that the session turns into a visible banner, and clears once a write succeeds.
 *
 * Writes are batched: every update that arrives while a transaction is in flight goes into the next
 * one. Every `TRIM_RECORDS` records, the store is compacted into one record holding the whole
 * document, inside one transaction that first reads what other tabs wrote, so nothing of theirs is
 * deleted unread (y-indexeddb does the same).
 */
import * as Y from 'yjs'

export type LocalStoreProblem = 'quota' | 'unavailable'

export interface LocalStoreState {
  /** The saved document has been read into memory (or storage is unusable: see `problem`). */
  loaded: boolean
  /** Changes in memory not yet committed to IndexedDB. */
  unsaved: number
  problem: LocalStoreProblem | null
}

export interface LocalStoreOptions {
  /** Injected in tests (fake-indexeddb); the browser's otherwise. */
  indexedDB?: IDBFactory
  /** First delay before retrying a failed write; doubles up to `maxRetryMs`. */
  retryMs?: number
  maxRetryMs?: number
}

const UPDATES = 'updates'
const CUSTOM = 'custom'
/** Records before compaction; y-indexeddb's value, so both keep databases alike. */
const TRIM_RECORDS = 500
const RETRY_MS = 500
const MAX_RETRY_MS = 10_000

interface Pending {
  update: Uint8Array
  /** How many document updates this (merged) update holds. */
  count: number
}

export class LocalStore {
  readonly name: string
  readonly #doc: Y.Doc
  readonly #factory: IDBFactory | undefined
  readonly #retryMs: number
  readonly #maxRetryMs: number
  #db: IDBDatabase | null = null
  #opening: Promise<IDBDatabase> | null = null
  #readFromDisk = false
  /** Highest key read into the document; compaction reads every record after it. */
  #lastKey = 0
  #records = 0
  #pending: Pending[] = []
  #writing = false
  #failures = 0
  #retryTimer: ReturnType<typeof setTimeout> | null = null
  #destroyed = false
  #state: LocalStoreState = { loaded: false, unsaved: 0, problem: null }
  readonly #listeners = new Set<() => void>()
  readonly #loaded: Promise<void>
  #resolveLoaded!: () => void
  #idle: Array<() => void> = []

  constructor(name: string, doc: Y.Doc, options: LocalStoreOptions = {}) {
    this.name = name
    this.#doc = doc
    this.#factory = options.indexedDB ?? globalThis.indexedDB
    this.#retryMs = options.retryMs ?? RETRY_MS
    this.#maxRetryMs = options.maxRetryMs ?? MAX_RETRY_MS
    this.#loaded = new Promise((resolve) => (this.#resolveLoaded = resolve))
    // Listening from the start: an edit made before the database opened is saved too, and so is
    // whatever the document held before this store was made.
    doc.on('update', this.#onUpdate)
    if (doc.store.clients.size > 0) this.#onUpdate(Y.encodeStateAsUpdate(doc), null)
    this.#kick()
  }

  getState = (): LocalStoreState => this.#state

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Resolves once the saved document is in memory (or storage proved unusable). */
  whenLoaded(): Promise<void> {
    return this.#loaded
  }

  /** Resolves once every change made so far is committed (waits as long as storage fails). */
  whenSaved(): Promise<void> {
    if (this.#state.unsaved === 0) return Promise.resolve()
    return new Promise((resolve) => this.#idle.push(resolve))
  }

  /**
   * A small value kept beside the document (store `custom`), or `undefined`: not there, or
   * storage unusable. Device data, never synced.
   */
  async readMeta(key: string): Promise<unknown> {
    try {
      const tx = (await this.#connection()).transaction([CUSTOM], 'readonly')
      const value = request<unknown>(tx.objectStore(CUSTOM).get(key))
      await done(tx)
      return await value
    } catch {
      return undefined
    }
  }

  /** Keeps a small value beside the document; resolves `false` if storage refused it. */
  async writeMeta(key: string, value: Uint8Array): Promise<boolean> {
    try {
      const tx = (await this.#connection()).transaction([CUSTOM], 'readwrite')
      tx.objectStore(CUSTOM).put(value, key)
      await done(tx)
      return true
    } catch {
      return false
    }
  }

  /**
   * Stops listening and closes the database once what is pending is committed, or after
   * `graceMs` if storage keeps failing (what is still unsaved then is lost: callers keep the
   * session open while `unsaved > 0`, see `sessionRegistry.ts`).
   */
  async destroy(graceMs = 2000): Promise<void> {
    this.#doc.off('update', this.#onUpdate)
    await Promise.race([this.whenSaved(), new Promise((r) => setTimeout(r, graceMs))])
    this.#destroyed = true
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    this.#listeners.clear()
    this.#db?.close()
    this.#db = null
  }

  #onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return
    this.#pending.push({ update, count: 1 })
    this.#set({ unsaved: this.#state.unsaved + 1 })
    this.#kick()
  }

  /** Starts the write loop unless it runs; a new edit also cuts a retry's back-off short. */
  #kick(): void {
    if (this.#writing || this.#destroyed) return
    if (this.#retryTimer) {
      clearTimeout(this.#retryTimer)
      this.#retryTimer = null
    }
    this.#writing = true
    void this.#run()
  }

  /**
   * Writes until nothing is pending. `#writing` is cleared in the same synchronous step that sees
   * the queue empty, so an edit arriving at any other moment is picked up by this loop or starts
   * the next one.
   */
  async #run(): Promise<void> {
    let reopened = false
    while (!this.#destroyed) {
      try {
        const db = await this.#connection()
        if (!this.#readFromDisk) await this.#load(db)
        if (this.#pending.length === 0) break
        await this.#writeBatch(db)
        if (this.#records >= TRIM_RECORDS) await this.#compact(db)
        this.#failures = 0
        reopened = false
      } catch (error) {
        // A connection the browser dropped is reopened once at once, without alarming anyone.
        if (errorName(error) !== 'QuotaExceededError' && !reopened) {
          reopened = true
          this.#forgetConnection()
          continue
        }
        this.#writing = false
        this.#fail(error)
        return
      }
    }
    this.#writing = false
  }

  #fail(error: unknown): void {
    const quota = errorName(error) === 'QuotaExceededError'
    if (!quota) this.#forgetConnection()
    this.#failures += 1
    this.#set({ problem: quota ? 'quota' : 'unavailable' })
    if (!this.#readFromDisk) this.#markLoaded() // the app runs on what the relay sends
    if (this.#destroyed) return
    const delay = Math.min(this.#maxRetryMs, this.#retryMs * 2 ** (this.#failures - 1))
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null
      this.#kick()
    }, delay)
  }

  #connection(): Promise<IDBDatabase> {
    if (this.#db) return Promise.resolve(this.#db)
    this.#opening ??= this.#open().finally(() => (this.#opening = null))
    return this.#opening
  }

  #open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      if (!this.#factory) return reject(new DOMException('no IndexedDB', 'UnknownError'))
      const request = this.#factory.open(this.name)
      request.onupgradeneeded = () => {
        const db = request.result
        if (!db.objectStoreNames.contains(UPDATES))
          db.createObjectStore(UPDATES, { autoIncrement: true })
        if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM)
      }
      request.onerror = () => reject(request.error)
      request.onblocked = () => reject(new DOMException('blocked', 'UnknownError'))
      request.onsuccess = () => {
        const db = request.result
        // iPad Safari closes the connection of a tab in the background: reopen on next write.
        db.onclose = () => {
          if (this.#db === db) this.#db = null
        }
        // Another tab upgrades or deletes the database: let it, reopen later.
        db.onversionchange = () => {
          db.close()
          if (this.#db === db) this.#db = null
        }
        if (this.#destroyed) {
          db.close()
          return reject(new DOMException('destroyed', 'AbortError'))
        }
        this.#db = db
        resolve(db)
      }
    })
  }

  #forgetConnection(): void {
    try {
      this.#db?.close()
    } catch {
      // Already closed.
    }
    this.#db = null
  }

  async #load(db: IDBDatabase): Promise<void> {
    const tx = db.transaction([UPDATES], 'readonly')
    const store = tx.objectStore(UPDATES)
    const values = request<Uint8Array[]>(store.getAll())
    const keys = request<IDBValidKey[]>(store.getAllKeys())
    await done(tx)
    const updates = await values
    const allKeys = await keys
    Y.transact(
      this.#doc,
      () => {
        for (const update of updates) Y.applyUpdate(this.#doc, update, this)
      },
      this,
      false,
    )
    this.#lastKey = Math.max(0, ...allKeys.map(Number))
    this.#records = updates.length
    this.#readFromDisk = true
    this.#markLoaded()
  }

  #markLoaded(): void {
    if (this.#state.loaded) return
    this.#set({ loaded: true })
    this.#resolveLoaded()
  }

  async #writeBatch(db: IDBDatabase): Promise<void> {
    const batch = this.#pending
    this.#pending = []
    const merged: Pending = {
      update: batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update)),
      count: batch.reduce((sum, p) => sum + p.count, 0),
    }
    try {
      // Throws InvalidStateError at once if the browser closed the connection.
      const tx = db.transaction([UPDATES], 'readwrite')
      tx.objectStore(UPDATES).add(merged.update)
      await done(tx)
    } catch (error) {
      // Back at the front, before anything that arrived meanwhile: order is kept.
      this.#pending.unshift(merged)
      throw error
    }
    this.#records += 1
    this.#set({ unsaved: this.#state.unsaved - merged.count, problem: null })
  }

  /** Replaces every record by one holding the whole document, other tabs' records included. */
  async #compact(db: IDBDatabase): Promise<void> {
    const tx = db.transaction([UPDATES], 'readwrite')
    const store = tx.objectStore(UPDATES)
    const range = IDBKeyRange.lowerBound(this.#lastKey, true)
    const others = await request<Uint8Array[]>(store.getAll(range))
    Y.transact(
      this.#doc,
      () => {
        for (const update of others) Y.applyUpdate(this.#doc, update, this)
      },
      this,
      false,
    )
    const key = Number(await request<IDBValidKey>(store.add(Y.encodeStateAsUpdate(this.#doc))))
    store.delete(IDBKeyRange.upperBound(key, true))
    await done(tx)
    this.#lastKey = key
    this.#records = 1
  }

  #set(patch: Partial<LocalStoreState>): void {
    const next = { ...this.#state, ...patch }
    if (
      next.loaded === this.#state.loaded &&
      next.unsaved === this.#state.unsaved &&
      next.problem === this.#state.problem
    )
      return
    this.#state = next
    if (next.unsaved === 0) {
      const idle = this.#idle
      this.#idle = []
      for (const resolve of idle) resolve()
    }
    for (const listener of this.#listeners) listener()
  }
}

/** The result of a request. Its failure also aborts the transaction, which `done` reports. */
function request<T>(req: IDBRequest): Promise<T> {
  const result = new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T)
    req.onerror = () => reject(req.error)
  })
  // Often not awaited once `done` has rejected: never an unhandled rejection.
  result.catch(() => {})
  return result
}

/** Resolves when the transaction commits; rejects with its error when it aborts. */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'))
    tx.onerror = () => {
      // Followed by `abort`, which carries the error.
    }
  })
}

function errorName(error: unknown): string | null {
  const name = (error as { name?: unknown } | null)?.name
  return typeof name === 'string' ? name : null
}
