/**
 * One live session per meeting in this tab, shared by every screen that shows it. Released
 * sessions linger briefly so React's remounts (StrictMode, route changes) reuse the same
 * document instead of reopening IndexedDB and the socket.
 */
import type { Capability, RoomId } from '../links/capability'
import { MeetingSession, type SessionOptions } from './meetingSession'

/** How long an unused session stays open before it is closed (ms). */
const LINGER_MS = 2_000

interface Entry {
  session: MeetingSession
  users: number
  closeTimer?: ReturnType<typeof setTimeout>
}

const entries = new Map<RoomId, Entry>()

/**
 * Opens (or reuses) the session of a meeting. A write capability wins over a read one: if the
 * projector and the coordinator screens share a tab, the session must be able to write.
 */
export function acquireSession(capability: Capability, options: SessionOptions): MeetingSession {
  let entry = entries.get(capability.roomId)
  if (entry && entry.session.readOnly && capability.access === 'write') {
    entry.session.destroy()
    clearTimeout(entry.closeTimer)
    entry = undefined
  }
  if (!entry) {
    entry = { session: new MeetingSession(capability, options), users: 0 }
    entries.set(capability.roomId, entry)
  }
  clearTimeout(entry.closeTimer)
  entry.users += 1
  return entry.session
}

export function releaseSession(session: MeetingSession): void {
  const entry = entries.get(session.roomId)
  if (!entry || entry.session !== session) return
  entry.users -= 1
  if (entry.users > 0) return
  entry.closeTimer = setTimeout(() => {
    entries.delete(session.roomId)
    session.destroy()
  }, LINGER_MS)
}
