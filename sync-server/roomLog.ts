/**
 * Durable storage of one room: an append-only log file, `<dataDir>/rooms/<roomId>.log`.
 *
 *   record = [u32 LE length][u32 LE crc32 of the update][Yjs update bytes]
 *
 * Every update is on disk (written and fdatasync'ed) before `append` resolves. Appends that arrive
 * while a write is in flight are coalesced into the next single write + fdatasync, in order; all
 * writes of a room go through one promise chain, so they never interleave.
 *
 * Loading reads records in order and stops at the first one that is cut short or fails its
 * checksum — what a crash in the middle of a write leaves — and truncates the file there.
 *
 * Compaction: once the log holds too many records or too many bytes were appended, the next batch
 * rewrites the file as one record holding the whole document (`snapshot()`, which the room
 * provides and which always contains everything already logged): temp file, fsync, rename over the
 * log, fsync the directory, so a crash leaves either the old log or the new one. A failed write
 * also triggers a rewrite (at the next append, or at close), since it may have left a torn record
 * that would hide later ones.
 */
import { open, readFile, rename, type FileHandle } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { crc32 } from 'node:zlib'
import type { Logger } from './log'

export interface CompactionLimits {
  /** Records in the file before the next batch rewrites it. */
  maxRecords: number
  /** Bytes appended since the last rewrite before the next batch rewrites it. */
  maxAppendedBytes: number
}

const HEADER_BYTES = 8

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

export class RoomLog {
  readonly #file: string
  readonly #snapshot: () => Uint8Array
  readonly #limits: CompactionLimits
  readonly #logger: Logger
  #handle: FileHandle | null = null
  #fileExists = false
  #records = 0
  #appendedBytes = 0
  #mustRewrite = false
  /** Updates waiting for the next batch, and the promise of that batch. */
  #queue: Uint8Array[] = []
  #nextBatch: Promise<void> | null = null
  #chain: Promise<void> = Promise.resolve()

  /** `snapshot` returns the whole document as one update; it is called only when rewriting. */
  constructor(file: string, snapshot: () => Uint8Array, limits: CompactionLimits, logger: Logger) {
    this.#file = file
    this.#snapshot = snapshot
    this.#limits = limits
    this.#logger = logger
  }

  /** Reads the log, repairing a torn tail. Call once, before the first `append`. */
  async load(): Promise<Uint8Array[]> {
    const data = await readFile(this.#file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    })
    if (data === null) return []
    const { updates, validBytes } = decodeRecords(data)
    if (validBytes < data.length) {
      this.#logger.warn(
        `${basename(this.#file)}: dropped ${data.length - validBytes} unreadable trailing bytes ` +
          `after ${updates.length} records (interrupted write)`,
      )
      const handle = await open(this.#file, 'r+')
      try {
        await handle.truncate(validBytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
    }
    this.#fileExists = true
    this.#records = updates.length
    return updates
  }

  /** Resolves once `update` is on disk (or its write failed, which is logged). */
  append(update: Uint8Array): Promise<void> {
    this.#queue.push(update)
    this.#nextBatch ??= this.#chain = this.#chain.then(() => this.#writeBatch())
    return this.#nextBatch
  }

  /** Resolves once every update appended so far is on disk. */
  flush(): Promise<void> {
    return this.#chain
  }

  async close(): Promise<void> {
    // Last chance after a failed write: the document in memory is about to go.
    this.#chain = this.#chain.then(() => (this.#mustRewrite ? this.#writeBatch() : undefined))
    await this.flush()
    await this.#handle?.close()
    this.#handle = null
  }

  // Never rejects: a failure is logged and repaired by rewriting the file at the next batch.
  async #writeBatch(): Promise<void> {
    const updates = this.#queue
    this.#queue = []
    this.#nextBatch = null
    const bytes = updates.reduce((sum, update) => sum + HEADER_BYTES + update.length, 0)
    const overLimits =
      this.#records + updates.length > this.#limits.maxRecords ||
      this.#appendedBytes + bytes > this.#limits.maxAppendedBytes
    try {
      // The snapshot already contains this batch's updates, so a rewrite replaces the append.
      if (this.#mustRewrite || overLimits) await this.#rewrite()
      else await this.#append(updates, bytes)
    } catch (error) {
      this.#mustRewrite = true
      this.#logger.error(`${basename(this.#file)}: write failed (${describe(error)}), will retry`)
    }
  }

  async #append(updates: Uint8Array[], bytes: number): Promise<void> {
    this.#handle ??= await open(this.#file, 'a')
    await this.#handle.writeFile(Buffer.concat(updates.map(encodeRecord), bytes))
    await this.#handle.datasync()
    if (!this.#fileExists) {
      await syncDirectory(dirname(this.#file)) // makes the new file's name durable too
      this.#fileExists = true
    }
    this.#records += updates.length
    this.#appendedBytes += bytes
  }

  async #rewrite(): Promise<void> {
    const temp = `${this.#file}.tmp`
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(encodeRecord(this.#snapshot()))
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
    this.#records = 1
    this.#appendedBytes = 0
    this.#mustRewrite = false
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

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error)
}
