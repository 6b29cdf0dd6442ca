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

export const devicePresenceSchema = z.object({
  deviceId: z.string().min(1),
  kind: z.enum(['meeting', 'atelier', 'projection']),
  atelierId: z.string().nullable(),
  lastSyncedAt: z.number(),
})
export type DevicePresence = z.infer<typeof devicePresenceSchema>

/** How often a device refreshes its entry while synced (ms): enough for "vu à 19:42". */
export const PRESENCE_INTERVAL_MS = 60_000

export function readDevices(doc: Y.Doc): DevicePresence[] {
  const out: DevicePresence[] = []
  devicesOf(doc).forEach((value, deviceId) => {
    const parsed = devicePresenceSchema.safeParse({ ...(value as object), deviceId })
    if (parsed.success) out.push(parsed.data)
  })
  return out.sort((a, b) => b.lastSyncedAt - a.lastSyncedAt || compareIds(a.deviceId, b.deviceId))
}

/**
 * Records that this device is in sync now. Not an undoable user action, and skipped when the
 * entry is recent, so a device in sync writes about once a minute. `legacyId` is the id an older
 * version of the app wrote in every meeting: this device's entry under it is removed, so that id
 * stops linking this meeting to the others.
 */
export function recordPresence(
  doc: Y.Doc,
  presence: DevicePresence,
  legacyId: string | null = null,
): void {
  const devices = devicesOf(doc)
  const stale = legacyId !== null && legacyId !== presence.deviceId && devices.has(legacyId)
  const previous = devicePresenceSchema.safeParse({
    ...(devices.get(presence.deviceId) as object),
    deviceId: presence.deviceId,
  })
  if (
    !stale &&
    previous.success &&
    previous.data.kind === presence.kind &&
    previous.data.atelierId === presence.atelierId &&
    presence.lastSyncedAt - previous.data.lastSyncedAt < PRESENCE_INTERVAL_MS
  )
    return
  const { deviceId, ...entry } = presence
  doc.transact(() => {
    if (stale) devices.delete(legacyId)
    devices.set(deviceId, entry)
  }, origins.presence)
}

/** The most recent sync of any device on each atelier, by atelier id. */
export function lastSeenByAtelier(devices: DevicePresence[]): Record<string, number> {
  const seen: Record<string, number> = {}
  for (const device of devices)
    if (device.atelierId !== null)
      seen[device.atelierId] = Math.max(seen[device.atelierId] ?? 0, device.lastSyncedAt)
  return seen
}
