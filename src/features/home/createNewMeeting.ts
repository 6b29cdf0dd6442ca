import { createMeeting, type NewMeeting } from '../../doc/meetingDoc'
import { rememberSync } from '../../device/deviceDb'
import { capabilityFromKey, newWriteKey } from '../../links/capability'
import { formatLinkFragment } from '../../links/links'
import { relayUrl } from '../../sync/relayUrl'
import { acquireSession, releaseSession } from '../../sync/sessionRegistry'

/**
 * Creates a meeting on this device (it needs no network) and returns the fragment of its
 * coordinator link. The relay receives it as soon as a connection exists.
 */
export async function createNewMeeting(input: NewMeeting): Promise<string> {
  const writeKey = newWriteKey()
  const session = acquireSession(capabilityFromKey(writeKey, 'write'), {
    relayUrl: relayUrl(),
    onSynced: rememberSync,
  })
  try {
    await session.whenLoaded()
    createMeeting(session.doc, input)
  } finally {
    releaseSession(session)
  }
  return formatLinkFragment({ kind: 'meeting', writeKey })
}
