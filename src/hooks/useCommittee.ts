import { useEffect, useMemo, useState } from 'react'
import { hasCommittee, migrateCommittee, readCommittee, type Committee } from '../doc/committeeDoc'
import { currentCommittee } from '../device/deviceDb'
import { useMeetingSession } from './useMeetingSession'
import { capabilityFromKey, type WriteCapability } from '../links/capability'
import { parseLink } from '../links/links'
import { sealingKeyOf } from '../links/sealedKey'
import type { MeetingSession } from '../sync/meetingSession'

/**
 * A committee document as plain data, with its session; `committee` is `null` until loaded.
 * Meetings' keys are opened with the committee's key, and a committee written by an older
 * version is migrated as soon as it is seen (keys left in clear are sealed).
 *
 * @example
 *   const { committee } = useCommittee(capability)
 */
export function useCommittee(capability: WriteCapability | null): {
  session: MeetingSession | null
  committee: Committee | null
} {
  const session = useMeetingSession(capability)
  const writeKey = capability?.writeKey
  const sealing = useMemo(() => (writeKey ? sealingKeyOf(writeKey) : null), [writeKey])
  const [committee, setCommittee] = useState<Committee | null>(null)
  useEffect(() => {
    if (!session || !sealing) return
    const doc = session.doc
    const read = () => {
      setCommittee(hasCommittee(doc) ? readCommittee(doc, sealing) : null)
      // After this update's transaction, not inside it.
      queueMicrotask(() => migrateCommittee(doc, sealing))
    }
    read()
    doc.on('update', read)
    return () => doc.off('update', read)
  }, [session, sealing])
  return { session, committee: session ? committee : null }
}

/**
 * The committee this device works for (the committee link it opened last), if any; `none` is
 * true once this device is known to have none (a second laptop that opened only a meeting link).
 */
export function useDeviceCommittee() {
  const [capability, setCapability] = useState<WriteCapability | null>(null)
  const [none, setNone] = useState(false)
  useEffect(() => {
    let cancelled = false
    void currentCommittee().then((known) => {
      if (cancelled) return
      const parsed = known ? parseLink(known.fragment) : null
      if (parsed?.ok && parsed.link.kind === 'committee')
        setCapability(capabilityFromKey(parsed.link.writeKey, 'write'))
      else setNone(true)
    })
    return () => {
      cancelled = true
    }
  }, [])
  return { ...useCommittee(capability), none }
}
