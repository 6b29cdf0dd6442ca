/**
 * Which devices have joined the meeting, as what, and when each last synced with the relay — so
 * the coordinator sees before the evening that every atelier has a tablet ready, and the wall
 * can say an atelier was last seen at 19:42. Each device writes only its own entry (its random
 * device id, never a name), so entries never conflict.
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
 * entry is recent, so a device in sync writes about once a minute.
 */
export function recordPresence(doc: Y.Doc, presence: DevicePresence): void {
  const previous = readEntity(devicePresenceSchema, devicesOf(doc).get(presence.deviceId), {
    deviceId: presence.deviceId,
  })
  if (
    previous !== null &&
    previous.kind === presence.kind &&
    previous.atelierId === presence.atelierId &&
    presence.lastSyncedAt - previous.lastSyncedAt < PRESENCE_INTERVAL_MS
  )
    return
  const { deviceId, ...entry } = presence
  doc.transact(() => devicesOf(doc).set(deviceId, entry), origins.presence)
}

/** The most recent sync of any device on each atelier, by atelier id (no prototype). */
export function lastSeenByAtelier(devices: DevicePresence[]): Record<string, number> {
  const seen = idRecord<number>()
  for (const device of devices)
    if (device.atelierId !== null)
      seen[device.atelierId] = Math.max(seen[device.atelierId] ?? 0, device.lastSyncedAt)
  return seen
}
