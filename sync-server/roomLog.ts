/**
 * Durable storage of one room: an append-only log file, `<dataDir>/rooms/<roomId>.log`.
 *
 *   record = [u32 LE length][u32 LE crc32 of the update][Yjs update bytes]
 *
 * Two steps make an update safe. The write hands it to the operating system: from then on a crash
 * or a kill of the relay loses nothing. The sync (fdatasync) puts it on the disk itself, safe from
 * a power cut too; it is grouped: one sync per room at most every `syncDelayMs` (one second by
 * default), covering every write since the last, instead of one per update — a durable write per
 * edit was most of the relay's cost per edit (issue #17). A power cut can thus cost the relay the
 * last second of writes, which the devices that sent them send again when they reconnect
 * (docs/protocol.md, Storage). `append` resolves once its update is written, `flush` once every
 * update appended so far is on the disk.
 *
 * A batch starts after the event-loop turn that queued it, so the relay first relays every message
 * it read in that turn and the disk never delays that fan-out (the room does not wait for `append`
 * either); the updates of one turn, and those that arrive while a write is in flight, are
 * coalesced into the next single write, in order. All writes and syncs of a room go through one
 * promise chain, so they never interleave.
 *
 * Loading reads records in order and stops at the first one that is cut short or fails its
 * checksum — what a crash in the middle of a write leaves — or that the room refuses to load (an
 * update an older relay stored though it could not be reloaded). The unreadable rest is not thrown
 * away: it is copied to `<roomId>.log.unreadable-<time>` beside the log (for a human to look at;
 * the devices that sent those updates still hold them and send them again when they reconnect),
 * reported in the log and in `/metrics`, and the log is truncated there so appends can continue.
 *
 * Compaction: once the log holds too many records or too many bytes were appended, the next batch
 * rewrites the file as one record holding the whole document (`snapshot()`, which the room
 * provides and which always contains everything already logged): temp file, fsync, rename over the
 * log, fsync the directory, so a crash leaves either the old log or the new one. A failed write or
 * sync also triggers a rewrite (retried after `retryMs`, at the next append, and at close), since
 * it may have left a torn record that would hide later ones.
 */
import { writeSync } from 'node:fs'
import { open, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { crc32 } from 'node:zlib'
import { errorCode, type Logger } from './log'

export interface CompactionLimits {
  /** Records in the file before the next batch rewrites it. */
  maxRecords: number
  /** Bytes appended since the last rewrite before the next batch rewrites it. */
  maxAppendedBytes: number
}

/** What a log reports, for `/metrics`. */
export interface LogObserver {
  persisted(seconds: number, records: number): void
  failed(): void
  unreadable(bytes: number, reason: SetAsideReason): void
}

/**
 * Why part of a log was set aside: `torn`, a record cut short or failing its checksum (a crash
 * mid-write); `refused`, an intact record the room would not load (written by an older relay
 * that stored updates it could not reload).
 */
export type SetAsideReason = 'torn' | 'refused'

export interface RoomLogOptions {
  file: string
  /** The whole document as one update; called only when rewriting. */
  snapshot: () => Uint8Array
  limits: CompactionLimits
  logger: Logger
  /** How the room is named in log lines (its short id). */
  label: string
  observer?: LogObserver
  /** Delay before a failed write is tried again on its own. */
  retryMs?: number
  /** How the log file is opened for appending; a test's stand-in for the disk. */
  openFile?: OpenLogFile
  /** Longest time a written update waits for its sync (fdatasync), shared with later writes. */
  syncDelayMs?: number
  /**
   * Rewrite a log of several records as one snapshot when closing, so that a room at rest is one
   * record on disk and a value deleted from the document (a key sealed by a migration) does not
   * linger in older records.
   */
  compactOnClose?: boolean
}

const HEADER_BYTES = 8
const DEFAULT_RETRY_MS = 1000
const DEFAULT_SYNC_DELAY_MS = 1000

/** A log file open for appending. */
export interface LogFile {
  /** Appends `bytes`; resolves once the operating system has them (safe from a relay crash). */
  append(bytes: Buffer): Promise<void>
  /** Resolves once everything appended is on the disk (fdatasync). */
  sync(): Promise<void>
  close(): Promise<void>
}

export type OpenLogFile = (file: string) => Promise<LogFile>

/**
 * The log file on the disk. A batch is written synchronously: it only reaches the OS's cache, a
 * few microseconds, where an asynchronous write's trip through the thread pool cost the relay's
 * main thread more than the write (a CPU profile under the open-loop bench: as much as all its
 * socket writes). The sync, which waits for the disk itself, stays asynchronous.
 */
export const openLogFile: OpenLogFile = async (file) => {
  const handle = await open(file, 'a')
  return {
    async append(bytes) {
      for (let written = 0; written < bytes.length;)
        written += writeSync(handle.fd, bytes, written, bytes.length - written)
    },
    sync: () => handle.datasync(),
    close: () => handle.close(),
  }
}

/** Resolves after the current event-loop turn: what else it read is handled first. */
const afterThisTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export function encodeRecord(update: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(HEADER_BYTES + update.length)
  record.writeUInt32LE(update.length, 0)
  record.writeUInt32LE(crc32(update), 4)
  record.set(update, HEADER_BYTES)
  return record
}

/** The intact records at the start of `data`, and how many bytes they span. */
export function decodeRecords(data: Uint8Array): { updates: Uint8Array[]; validBytes: number } {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.length)
  const updates: Uint8Array[] = []
  let offset = 0
  while (offset + HEADER_BYTES <= bytes.length) {
    const length = bytes.readUInt32LE(offset)
    const end = offset + HEADER_BYTES + length
    // Empty records are never written; zeros are what some file systems leave after a crash.
    if (length === 0 || end > bytes.length) break
    const update = bytes.subarray(offset + HEADER_BYTES, end)
    if (crc32(update) !== bytes.readUInt32LE(offset + 4)) break
    updates.push(update)
    offset = end
  }
  return { updates, validBytes: offset }
}

const noObserver: LogObserver = { persisted() {}, failed() {}, unreadable() {} }

export class RoomLog {
  readonly #file: string
  readonly #snapshot: () => Uint8Array
  readonly #limits: CompactionLimits
  readonly #logger: Logger
  readonly #label: string
  readonly #observer: LogObserver
  readonly #retryMs: number
  readonly #compactOnClose: boolean
  readonly #openFile: OpenLogFile
  readonly #syncDelayMs: number
  #handle: LogFile | null = null
  #fileExists = false
  #fileBytes = 0
  #records = 0
  #appendedBytes = 0
  #mustRewrite = false
  #closed = false
  #retryTimer: NodeJS.Timeout | null = null
  /** Written records not synced yet, and the timer of their sync. */
  #unsynced = false
  #syncTimer: NodeJS.Timeout | null = null
  /** Updates waiting for the next batch, and the promise of that batch. */
  #queue: Uint8Array[] = []
  #queuedBytes = 0
  #nextBatch: Promise<void> | null = null
  #chain: Promise<void> = Promise.resolve()

  constructor(options: RoomLogOptions) {
    this.#file = options.file
    this.#snapshot = options.snapshot
    this.#limits = options.limits
    this.#logger = options.logger
    this.#label = options.label
    this.#observer = options.observer ?? noObserver
    this.#retryMs = options.retryMs ?? DEFAULT_RETRY_MS
    this.#compactOnClose = options.compactOnClose ?? false
    this.#openFile = options.openFile ?? openLogFile
    this.#syncDelayMs = options.syncDelayMs ?? DEFAULT_SYNC_DELAY_MS
  }

  /** Bytes of the file plus what waits to be appended: what the room costs on disk. */
  get storedBytes(): number {
    return this.#fileBytes + this.#queuedBytes
  }

  /** True while some update received is not on disk yet (queued, not synced, or a write failed). */
  get pending(): boolean {
    return this.#queue.length > 0 || this.#unsynced || this.#mustRewrite
  }

  /**
   * Reads the log, setting aside a torn or damaged tail, and from the first record `accept`
   * refuses (one the room cannot load: see `updateCheck.ts`). Returns the records accepted, in
   * order. Call once, before the first `append`.
   */
  async load(accept: (update: Uint8Array) => boolean = () => true): Promise<Uint8Array[]> {
    const data = await readFile(this.#file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    })
    if (data === null) return []
    const { updates, validBytes } = decodeRecords(data)
    let loadable = 0
    let accepted = 0
    while (accepted < updates.length && accept(updates[accepted]!)) {
      loadable += HEADER_BYTES + updates[accepted]!.length
      accepted++
    }
    if (loadable < data.length)
      await this.#setAside(data, loadable, accepted, loadable < validBytes ? 'refused' : 'torn')
    this.#fileExists = true
    this.#fileBytes = loadable
    this.#records = accepted
    return updates.slice(0, accepted)
  }

  /**
   * Resolves once `update` is written (or its write failed, which is logged and retried); it is
   * on the disk itself within `syncDelayMs` after that.
   */
  append(update: Uint8Array): Promise<void> {
    this.#queue.push(update)
    this.#queuedBytes += HEADER_BYTES + update.length
    this.#nextBatch ??= this.#chain = this.#chain.then(afterThisTurn).then(() => this.#writeBatch())
    return this.#nextBatch
  }

  /** Resolves once every update appended so far is on disk (synced now if it was not yet). */
  flush(): Promise<void> {
    this.#chain = this.#chain.then(() => this.#sync())
    return this.#chain
  }

  async close(): Promise<void> {
    this.#closed = true
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    if (this.#syncTimer) clearTimeout(this.#syncTimer)
    // Last chance after a failed write: the document in memory is about to go. With
    // `compactOnClose`, a log of several records is rewritten too (see the option).
    this.#chain = this.#chain.then(() => {
      if (this.#compactOnClose && this.#records + this.#queue.length > 1) this.#mustRewrite = true
      return this.#mustRewrite ? this.#writeBatch() : undefined
    })
    await this.flush()
    await this.#handle?.close()
    this.#handle = null
  }

  async #setAside(
    data: Buffer,
    validBytes: number,
    records: number,
    reason: SetAsideReason,
  ): Promise<void> {
    const unreadable = data.length - validBytes
    const aside = `${this.#file}.unreadable-${Date.now()}`
    const saved = await writeFile(aside, data.subarray(validBytes)).then(
      () => true,
      (error: unknown) => {
        this.#logger.error('log.set_aside_failed', { room: this.#label, error: errorCode(error) })
        return false
      },
    )
    this.#logger.warn('log.unreadable_tail', {
      room: this.#label,
      reason,
      records_read: records,
      unreadable_bytes: unreadable,
      set_aside: saved,
    })
    this.#observer.unreadable(unreadable, reason)
    const handle = await open(this.#file, 'r+')
    try {
      await handle.truncate(validBytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  // Never rejects: a failure is logged and repaired by rewriting the file at the next batch.
  async #writeBatch(): Promise<void> {
    const updates = this.#queue
    const bytes = this.#queuedBytes
    this.#queue = []
    this.#queuedBytes = 0
    this.#nextBatch = null
    const overLimits =
      this.#records + updates.length > this.#limits.maxRecords ||
      this.#appendedBytes + bytes > this.#limits.maxAppendedBytes
    const started = performance.now()
    try {
      // The snapshot already contains this batch's updates, so a rewrite replaces the append.
      if (this.#mustRewrite || overLimits) await this.#rewrite()
      else if (updates.length > 0) await this.#append(updates, bytes)
      this.#observer.persisted((performance.now() - started) / 1000, updates.length)
    } catch (error) {
      this.#failed(error)
    }
  }

  /** After a failed write or sync: the file may hold a torn record, so it is rewritten whole. */
  #failed(error: unknown): void {
    this.#mustRewrite = true
    this.#observer.failed()
    this.#logger.error('log.write_failed', { room: this.#label, error: errorCode(error) })
    this.#scheduleRetry()
  }

  /** Schedules the sync of what was just written, unless one is already due. */
  #scheduleSync(): void {
    this.#unsynced = true
    if (this.#closed || this.#syncTimer) return
    this.#syncTimer = setTimeout(() => {
      this.#syncTimer = null
      this.#chain = this.#chain.then(() => this.#sync())
    }, this.#syncDelayMs)
    this.#syncTimer.unref()
  }

  // Never rejects, as `#writeBatch`.
  async #sync(): Promise<void> {
    if (!this.#unsynced || this.#handle === null) return
    try {
      await this.#handle.sync()
      this.#unsynced = false
    } catch (error) {
      this.#failed(error)
    }
  }

  #scheduleRetry(): void {
    if (this.#closed || this.#retryTimer) return
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null
      if (this.#mustRewrite && !this.#closed && this.#nextBatch === null)
        this.#chain = this.#chain.then(() => this.#writeBatch())
    }, this.#retryMs)
    this.#retryTimer.unref()
  }

  async #append(updates: Uint8Array[], bytes: number): Promise<void> {
    this.#handle ??= await this.#openFile(this.#file)
    await this.#handle.append(Buffer.concat(updates.map(encodeRecord), bytes))
    this.#scheduleSync()
    if (!this.#fileExists) {
      await syncDirectory(dirname(this.#file)) // makes the new file's name durable too
      this.#fileExists = true
    }
    this.#records += updates.length
    this.#appendedBytes += bytes
    this.#fileBytes += bytes
  }

  async #rewrite(): Promise<void> {
    const temp = `${this.#file}.tmp`
    const record = encodeRecord(this.#snapshot())
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(record)
      await handle.sync()
    } finally {
      await handle.close()
    }
    // Closed before the rename: Windows refuses to replace a file that is still open.
    await this.#handle?.close()
    this.#handle = null
    await rename(temp, this.#file)
    await syncDirectory(dirname(this.#file))
    this.#fileExists = true
    this.#fileBytes = record.length
    this.#records = 1
    this.#appendedBytes = 0
    this.#mustRewrite = false
    this.#unsynced = false // the rewrite, synced, holds everything written before it
  }
}

async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for fsync; its rename is durable enough for a laptop relay.
  if (process.platform === 'win32') return
  const handle = await open(directory, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
