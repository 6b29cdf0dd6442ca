import { useEffect, useState } from 'react'
import { hasCommittee, readCommittee, type Committee } from '../../doc/committeeDoc'
import { currentCommittee } from '../../device/deviceDb'
import { useMeetingSession } from '../../hooks/useMeetingSession'
import { capabilityFromKey, type Capability } from '../../links/capability'
import { parseLink } from '../../links/links'
import type { MeetingSession } from '../../sync/meetingSession'

/**
 * A committee document as plain data, with its session; `committee` is `null` until loaded.
 *
 * @example
 *   const { committee } = useCommittee(capability)
 */
export function useCommittee(capability: Capability | null): {
  session: MeetingSession | null
  committee: Committee | null
} {
  const session = useMeetingSession(capability)
  const [committee, setCommittee] = useState<Committee | null>(null)
  useEffect(() => {
    if (!session) return
    const doc = session.doc
    const read = () => setCommittee(hasCommittee(doc) ? readCommittee(doc) : null)
    read()
    doc.on('update', read)
    return () => doc.off('update', read)
  }, [session])
  return { session, committee: session ? committee : null }
}

/** The committee this device works for (the committee link it opened last), if any. */
export function useDeviceCommittee() {
  const [capability, setCapability] = useState<Capability | null>(null)
  useEffect(() => {
    let cancelled = false
    void currentCommittee().then((known) => {
      const parsed = known ? parseLink(known.fragment) : null
      if (!cancelled && parsed?.ok && parsed.link.kind === 'committee')
        setCapability(capabilityFromKey(parsed.link.writeKey, 'write'))
    })
    return () => {
      cancelled = true
    }
  }, [])
  return useCommittee(capability)
}
