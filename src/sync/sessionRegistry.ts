/**
 * One live session per meeting in this tab, shared by every screen that shows it. Released
 * sessions linger briefly so React's remounts (StrictMode, route changes) reuse the same
 * document instead of reopening IndexedDB and the socket. A session holding changes not yet on
 * this device's disk (storage failing) is never closed: they exist only in its memory.
 */
import type { Access, Capability, RoomId } from '../links/capability'
import { MeetingSession, type SessionOptions } from './meetingSession'

/** How long an unused session stays open before it is closed (ms). */
const LINGER_MS = 2_000

interface Entry {
  session: MeetingSession
  users: number
  closeTimer?: ReturnType<typeof setTimeout>
}

const entries = new Map<RoomId, Entry>()

/** Of two links of one meeting opened in one tab, the session takes the one that writes more. */
const REACH: Record<Access, number> = { read: 0, atelier: 1, write: 2 }

/**
 * Opens (or reuses) the session of a meeting. A write capability wins over a read one: if the
 * projector and the coordinator screens share a tab, the session must be able to write.
 */
export function acquireSession(capability: Capability, options: SessionOptions): MeetingSession {
  let entry = entries.get(capability.roomId)
  if (entry && REACH[entry.session.access] < REACH[capability.access]) {
    // A reader only stores what the relay sent: the relay still has it if this is cut short.
    void entry.session.destroy()
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
  const close = () => {
    if (session.getStatus().unsavedChanges > 0) {
      entry.closeTimer = setTimeout(close, LINGER_MS)
      return
    }
    entries.delete(session.roomId)
    void session.destroy()
  }
  entry.closeTimer = setTimeout(close, LINGER_MS)
}
