/**
 * The device database for the meeting screens, which must show the meeting without waiting for
 * Dexie (~31 KiB gzip) to load on a cold start: each call loads `deviceDb` on first use and
 * runs once it is there. Screens that list device data (home, committee) import it directly.
 */
import type { RoomId } from '../links/capability'
import type { KnownMeeting } from './deviceDb'

const deviceDb = () => import('./deviceDb')

export const lastSyncOf = (roomId: RoomId) => deviceDb().then((db) => db.lastSyncOf(roomId))

export const rememberSync = (roomId: RoomId, at: number) =>
  void deviceDb().then((db) => db.rememberSync(roomId, at))

export const rememberMeeting = (entry: KnownMeeting) =>
  deviceDb().then((db) => db.rememberMeeting(entry))

export const deviceIdIn = (roomId: RoomId) => deviceDb().then((db) => db.deviceIdIn(roomId))

export const legacyDeviceId = () => deviceDb().then((db) => db.legacyDeviceId())
