import { rememberSync } from '../device/deviceDb'
import { capabilityFromKey, type CapabilityKey } from '../links/capability'
import type { MeetingSession } from './meetingSession'
import { relayUrl } from './relayUrl'
import { acquireSession, releaseSession } from './sessionRegistry'

/** Opens a document on this device for the time of `work`, once it is loaded from storage. */
export async function withDocument<T>(
  writeKey: CapabilityKey,
  work: (session: MeetingSession) => T,
): Promise<T> {
  const session = acquireSession(capabilityFromKey(writeKey, 'write'), {
    relayUrl: relayUrl(),
    onSynced: rememberSync,
  })
  try {
    await session.whenLoaded()
    return work(session)
  } finally {
    releaseSession(session)
  }
}
