/**
 * Device data: what stays on this tablet and is never synced (Dexie, IndexedDB database
 * `tandem-device`). The meetings themselves live in their own Yjs databases (`tandem-<roomId>`,
 * see `src/sync/meetingSession.ts`); here we only remember which links this device opened,
 * as what, and when it last synced each meeting.
 *
 *   knownMeetings  one row per link opened here: its fragment (holds the key), room, kind,
 *                  title and atelier name as last seen, last opened
 *   syncMarks      roomId → last time the relay and this device held the same document
 *   settings       key → value: `deviceId:<roomId>`, this device's random id in one meeting
 *                  (never a name), shown to the coordinator as "une tablette de l'atelier 2";
 *                  `deviceId`, the single id older versions wrote in every meeting
 */
import Dexie, { type Table } from 'dexie'
import { z } from 'zod'
import { newId } from '../doc/ids'
import type { RoomId } from '../links/capability'

export const knownMeetingSchema = z.object({
  fragment: z.string().startsWith('#/'),
  roomId: z.string(),
  kind: z.enum(['meeting', 'atelier', 'projection', 'committee']),
  title: z.string(),
  atelierName: z.string().optional(),
  lastOpenedAt: z.number(),
})
/** Device-only: a link this device has opened. */
export type KnownMeeting = z.infer<typeof knownMeetingSchema>

interface SyncMark {
  roomId: string
  lastSyncedAt: number
}

interface Setting {
  key: string
  value: string
}

class DeviceDb extends Dexie {
  knownMeetings!: Table<KnownMeeting, string>
  syncMarks!: Table<SyncMark, string>
  settings!: Table<Setting, string>

  constructor() {
    super('tandem-device')
    this.version(1).stores({
      knownMeetings: 'fragment, roomId, lastOpenedAt',
      syncMarks: 'roomId',
    })
    this.version(2).stores({ settings: 'key' })
  }
}

export const deviceDb = new DeviceDb()

export async function rememberMeeting(entry: KnownMeeting): Promise<void> {
  await deviceDb.knownMeetings.put(knownMeetingSchema.parse(entry))
}

/** Meetings opened on this device, most recent first. Rows that fail validation are skipped. */
export async function listKnownMeetings(): Promise<KnownMeeting[]> {
  const rows = await deviceDb.knownMeetings.orderBy('lastOpenedAt').reverse().toArray()
  return rows.flatMap((row) => {
    const parsed = knownMeetingSchema.safeParse(row)
    return parsed.success ? [parsed.data] : []
  })
}

export async function forgetMeeting(fragment: string): Promise<void> {
  await deviceDb.knownMeetings.delete(fragment)
}

/** Sync times are written at most this often per meeting (ms): they only feed "il y a 2 min". */
const SYNC_MARK_INTERVAL_MS = 30_000
const lastWritten = new Map<string, number>()

export function rememberSync(roomId: RoomId, at: number): void {
  if (at - (lastWritten.get(roomId) ?? 0) < SYNC_MARK_INTERVAL_MS) return
  lastWritten.set(roomId, at)
  void deviceDb.syncMarks.put({ roomId, lastSyncedAt: at }).catch(() => lastWritten.delete(roomId))
}

export async function lastSyncOf(roomId: RoomId): Promise<number | null> {
  try {
    return (await deviceDb.syncMarks.get(roomId))?.lastSyncedAt ?? null
  } catch {
    return null
  }
}

const deviceIds = new Map<RoomId, Promise<string>>()

/**
 * This device's random id in one meeting, made on first use there and kept. One id per meeting,
 * so two meetings' documents (or a relay's backup of them) cannot tell that the same tablet was
 * at both evenings.
 */
export function deviceIdIn(roomId: RoomId): Promise<string> {
  let id = deviceIds.get(roomId)
  if (id === undefined) {
    const key = `deviceId:${roomId}`
    id = deviceDb.transaction('rw', deviceDb.settings, async () => {
      const existing = await deviceDb.settings.get(key)
      if (existing) return existing.value
      const made = newId()
      await deviceDb.settings.put({ key, value: made })
      return made
    })
    // A failed transaction is not remembered: the next call tries again.
    id.catch(() => deviceIds.delete(roomId))
    deviceIds.set(roomId, id)
  }
  return id
}

/** The one id older versions wrote in every meeting, if this device ever had one. */
export async function legacyDeviceId(): Promise<string | null> {
  return (await deviceDb.settings.get('deviceId'))?.value ?? null
}

/** The committee this device works for: the committee link opened most recently. */
export async function currentCommittee(): Promise<KnownMeeting | null> {
  const known = await listKnownMeetings()
  return known.find((entry) => entry.kind === 'committee') ?? null
}
