/**
 * Dated snapshots of each meeting, so the coordinator can restore it as it was at 20:10 after a
 * destructive edit (a wipe, a bad import, a buggy client) that the log, which keeps only the
 * present, cannot undo. Stored beside the rooms, one folder per meeting:
 *
 *   <dataDir>/snapshots/<roomId>/<ms since 1970>.gz   gzip of Y.encodeStateAsUpdate(document)
 *
 * When: at most one per `intervalMs` of activity (the first change after a quiet spell starts
 * the clock, the snapshot is taken when it runs out, with whatever came meanwhile), and one when
 * the room is unloaded if it changed since. A room nobody writes to takes none.
 *
 * Thinning, after each snapshot (`toDelete`): every snapshot younger than `keepAllMs` stays (the
 * evening, minute by minute); older ones keep only the latest of each `thinnedPeriodMs`; then,
 * beyond `maxBytesPerRoom` on disk, the oldest go first. The newest always stays.
 *
 * Only meeting documents (a `meta` map with a `schemaVersion`) are snapshotted: a committee's
 * document is not restored this way, and a snapshot of it taken before its keys were sealed
 * would keep them in clear (docs/protocol.md, section 4).
 *
 * A snapshot is written to a temporary file and renamed, without fsync: it is a way back, not the
 * record of the meeting (that is the room's log); one lost in a power cut costs a minute of
 * history. A snapshot that no longer reads (torn, altered) is refused when fetched.
 */
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib'
import type * as Y from 'yjs'
import { errorCode, type Logger } from './log'

const gzip = promisify(gzipCallback)
const gunzip = promisify(gunzipCallback)

export interface SnapshotPolicy {
  /** At most one snapshot per this much time of activity. */
  intervalMs: number
  /** Every snapshot younger than this is kept. */
  keepAllMs: number
  /** Older ones: the latest of each such period is kept. */
  thinnedPeriodMs: number
  /** Disk budget of one meeting's snapshots; the oldest go first beyond it. */
  maxBytesPerRoom: number
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export const defaultSnapshotPolicy: SnapshotPolicy = {
  // A minute: "as it was at 20:10" to the minute, ~180 snapshots for a three-hour evening.
  intervalMs: MINUTE,
  // Six hours: the whole evening and the night after it stay minute by minute.
  keepAllMs: 6 * HOUR,
  // Then one an hour: enough to find the state before a bad import a week later.
  thinnedPeriodMs: HOUR,
  // 64 MiB per meeting: an evening's meeting is a few hundred KiB, gzip halves it; 180 of them
  // fit with room to spare, and a meeting at MAX_DOCUMENT_BYTES still keeps its newest ones.
  maxBytesPerRoom: 64 * 1024 * 1024,
}

export interface SnapshotInfo {
  /** When it was taken, ms since 1970 (the relay's clock). */
  at: number
  /** Its size on disk (compressed). */
  bytes: number
}

const FILE = /^(\d{13})\.gz$/

/** The meeting's snapshots, oldest first. None if the folder does not exist. */
export async function listSnapshots(dir: string): Promise<SnapshotInfo[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  const out: SnapshotInfo[] = []
  for (const name of names) {
    const match = FILE.exec(name)
    if (!match) continue
    const info = await stat(join(dir, name)).catch(() => null)
    if (info?.isFile()) out.push({ at: Number(match[1]), bytes: info.size })
  }
  return out.sort((a, b) => a.at - b.at)
}

/** The document as it was at `at` (one Yjs update), or null if there is no such snapshot. */
export async function readSnapshot(
  dir: string,
  at: number,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const compressed = await readFile(join(dir, fileName(at))).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    },
  )
  if (compressed === null) return null
  return new Uint8Array(await gunzip(compressed, { maxOutputLength: maxBytes }))
}

/** Which snapshots the policy drops (`snapshots` oldest first). */
export function toDelete(snapshots: SnapshotInfo[], now: number, policy: SnapshotPolicy): number[] {
  const drop = new Set<number>()
  // The latest of each period wins: walk newest first, keep the first seen per period.
  const periods = new Set<number>()
  for (const { at } of [...snapshots].reverse()) {
    if (now - at < policy.keepAllMs) continue
    const period = Math.floor(at / policy.thinnedPeriodMs)
    if (periods.has(period)) drop.add(at)
    else periods.add(period)
  }
  let bytes = 0
  for (const { at, bytes: size } of snapshots) if (!drop.has(at)) bytes += size
  for (const { at, bytes: size } of snapshots.slice(0, -1)) {
    if (bytes <= policy.maxBytesPerRoom) break
    if (drop.has(at)) continue
    drop.add(at)
    bytes -= size
  }
  return [...drop]
}

export interface RoomSnapshotsOptions {
  dir: string
  /** The whole document as one update, or null if it is not a meeting (nothing to keep). */
  state: () => Uint8Array | null
  policy: SnapshotPolicy
  logger: Logger
  /** How the room is named in log lines (its short id). */
  label: string
  now?: () => number
}

/** The snapshots of one loaded room: told of every change, takes them on its own schedule. */
export class RoomSnapshots {
  readonly #options: RoomSnapshotsOptions
  readonly #now: () => number
  #timer: NodeJS.Timeout | null = null
  /** Changed since the last snapshot. */
  #dirty = false
  #chain: Promise<void> = Promise.resolve()

  constructor(options: RoomSnapshotsOptions) {
    this.#options = options
    this.#now = options.now ?? Date.now
  }

  /** The document changed. */
  changed(): void {
    this.#dirty = true
    if (this.#timer) return
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#take()
    }, this.#options.policy.intervalMs)
    this.#timer.unref()
  }

  /** Takes the last snapshot if the document changed since the previous one; call before it goes. */
  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#take()
    await this.#chain
  }

  #take(): void {
    if (!this.#dirty) return
    this.#dirty = false
    // Encoded now (the document may be gone when the write runs), compressed and written after.
    const state = this.#options.state()
    if (state === null) return
    const at = this.#now()
    this.#chain = this.#chain.then(() => this.#write(at, state))
  }

  // Never rejects: a failed snapshot is logged; the meeting itself is safe in its log.
  async #write(at: number, state: Uint8Array): Promise<void> {
    const { dir, policy, logger, label } = this.#options
    try {
      await mkdir(dir, { recursive: true })
      const temp = join(dir, `${at}.tmp`)
      await writeFile(temp, await gzip(state))
      await rename(temp, join(dir, fileName(at)))
      for (const old of toDelete(await listSnapshots(dir), this.#now(), policy))
        await unlink(join(dir, fileName(old)))
    } catch (error) {
      logger.error('snapshot.write_failed', { room: label, error: errorCode(error) })
    }
  }
}

function fileName(at: number): string {
  return `${String(at).padStart(13, '0')}.gz`
}

/** A meeting's document (its `meta` has a schema version), as opposed to a committee's. */
export function isMeetingDocument(doc: Y.Doc): boolean {
  return typeof doc.getMap('meta').get('schemaVersion') === 'number'
}
