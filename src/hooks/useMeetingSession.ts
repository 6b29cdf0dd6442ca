import { useEffect, useState } from 'react'
import type { Capability } from '../links/capability'
import { lastSyncOf, rememberSync } from '../device/deviceDbLater'
import type { MeetingSession } from '../sync/meetingSession'
import { relayUrl } from '../sync/relayUrl'
import { acquireSession, releaseSession } from '../sync/sessionRegistry'

/**
 * Opens a meeting on this device for as long as the component is mounted.
 *
 * @example
 *   const session = useMeetingSession(capability)
 *   const plenary = useMeetingPart(session.doc, (meeting) => meeting.plenary)
 */
export function useMeetingSession(capability: Capability | null): MeetingSession | null {
  const [session, setSession] = useState<MeetingSession | null>(null)
  const roomId = capability?.roomId
  const access = capability?.access
  useEffect(() => {
    if (!capability) return
    // Open the meeting at once; the remembered sync time (another database) follows.
    const opened = acquireSession(capability, { relayUrl: relayUrl(), onSynced: rememberSync })
    setSession(opened)
    void lastSyncOf(capability.roomId).then((at) => opened.restoreLastSync(at))
    return () => {
      releaseSession(opened)
      setSession(null)
    }
    // The capability is fully determined by its room and access.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roomId, access])
  return session
}
