/**
 * Which devices have joined the meeting, as what, and when each last synced with the relay — so
 * the coordinator sees before the evening that every atelier has a tablet ready, and the wall
 * can say an atelier was last seen at 19:42. Each device writes only its own entry (its random
 * id in this meeting, never a name, and never the same in two meetings), so entries never
 * conflict and no document links a tablet to another evening.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { compareIds, devicesOf } from './layout'
import { origins } from './origins'
import { entityIdSchema, idRecord, noteSkipped, readEntity, timestampSchema } from './untrusted'

export const devicePresenceSchema = z.object({
  deviceId: entityIdSchema,
  kind: z.enum(['meeting', 'atelier', 'projection']),
  atelierId: entityIdSchema.nullable(),
  lastSyncedAt: timestampSchema,
})
export type DevicePresence = z.infer<typeof devicePresenceSchema>

/**
 * An entry as stored under its device id, exactly as `recordPresence` writes it and nothing
 * more: what the relay lets a tablet on an atelier link write (sync-server/atelierScope.ts).
 */
export const deviceEntrySchema = devicePresenceSchema.omit({ deviceId: true }).strict()

/** How often a device refreshes its entry while synced (ms): enough for "vu à 19:42". */
export const PRESENCE_INTERVAL_MS = 60_000

export function readDevices(doc: Y.Doc): DevicePresence[] {
  const out: DevicePresence[] = []
  let skipped = 0
  devicesOf(doc).forEach((value, deviceId) => {
    const parsed = readEntity(devicePresenceSchema, value, { deviceId })
    if (parsed === null) skipped += 1
    else out.push(parsed)
  })
  noteSkipped(devicesOf(doc), skipped)
  return out.sort((a, b) => b.lastSyncedAt - a.lastSyncedAt || compareIds(a.deviceId, b.deviceId))
}

/**
 * Records that this device is in sync now. Not an undoable user action, and skipped when the
 * entry is recent, so a device in sync writes about once a minute. `legacyId` is the id an older
 * version of the app wrote in every meeting: this device's entry under it is removed, so that id
 * stops linking this meeting to the others.
 *
 * `atelierOnly` (a tablet on an atelier link): the relay lets it write only entries that name
 * its atelier, before and after, so an entry of this device naming something else (the same
 * laptop opened as coordinator earlier) is left as it is — one refused write would hold every
 * later change of this device back.
 */
export function recordPresence(
  doc: Y.Doc,
  presence: DevicePresence,
  legacyId: string | null = null,
  atelierOnly = false,
): void {
  const devices = devicesOf(doc)
  const ours = (id: string) =>
    !atelierOnly ||
    readEntity(devicePresenceSchema, devices.get(id), { deviceId: id })?.atelierId ===
      presence.atelierId
  if (devices.has(presence.deviceId) && !ours(presence.deviceId)) return
  const stale =
    legacyId !== null && legacyId !== presence.deviceId && devices.has(legacyId) && ours(legacyId)
  const previous = readEntity(devicePresenceSchema, devices.get(presence.deviceId), {
    deviceId: presence.deviceId,
  })
  // An entry dated later than now is rewritten: kept, it would stay "à l'instant" and never be
  // refreshed (a device clock set right again, or another tablet of the atelier writing it).
  if (
    !stale &&
    previous !== null &&
    previous.kind === presence.kind &&
    previous.atelierId === presence.atelierId &&
    presence.lastSyncedAt >= previous.lastSyncedAt &&
    presence.lastSyncedAt - previous.lastSyncedAt < PRESENCE_INTERVAL_MS
  )
    return
  const { deviceId, ...entry } = presence
  doc.transact(() => {
    if (stale) devices.delete(legacyId)
    devices.set(deviceId, entry)
  }, origins.presence)
}

/** The most recent sync of any device on each atelier, by atelier id (no prototype). */
export function lastSeenByAtelier(devices: DevicePresence[]): Record<string, number> {
  const seen = idRecord<number>()
  for (const device of devices)
    if (device.atelierId !== null)
      seen[device.atelierId] = Math.max(seen[device.atelierId] ?? 0, device.lastSyncedAt)
  return seen
}
