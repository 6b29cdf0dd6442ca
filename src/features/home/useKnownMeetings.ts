import { useCallback, useEffect, useState } from 'react'
import { listKnownMeetings, type KnownMeeting } from '../../device/deviceDb'
import { reportStorageError } from '../../device/storageHealth'

/**
 * The links this device has opened, most recent first; `null` while loading.
 *
 * @example
 *   const { meetings, reload } = useKnownMeetings()
 */
export function useKnownMeetings() {
  const [meetings, setMeetings] = useState<KnownMeeting[] | null>(null)
  const reload = useCallback(
    () =>
      void listKnownMeetings()
        .then(setMeetings)
        .catch((error: unknown) => {
          reportStorageError(error)
          setMeetings([])
        }),
    [],
  )
  useEffect(reload, [reload])
  return { meetings, reload }
}

/**
 * A device that opened atelier or projection links and never coordinated (no coordination or
 * committee link): an atelier tablet, or the projector. Creating a meeting is not its job.
 */
export function isTabletOnly(meetings: KnownMeeting[]): boolean {
  return (
    meetings.length > 0 &&
    meetings.every((meeting) => meeting.kind === 'atelier' || meeting.kind === 'projection')
  )
}
