import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react'
import { recordPresence } from '../../doc/devices'
import { deviceIdIn, legacyDeviceId, rememberMeeting } from '../../device/deviceDbLater'
import { reportStorageError } from '../../device/storageHealth'
import { requestPersistentStorage } from '../../device/storagePersistence'
import { capabilityOfLink, formatLinkFragment, type MeetingLink } from '../../links/links'
import { pick, useMeetingPartOnceThere } from '../../hooks/useMeetingPart'
import { useMeetingSession } from '../../hooks/useMeetingSession'
import { useSyncStatus } from '../../hooks/useSyncStatus'
import type { MeetingSession } from '../../sync/meetingSession'
import { InvalidLinkScreen } from './InvalidLinkScreen'
import { MeetingFrame } from './MeetingFrame'
import { WaitingForMeeting } from './WaitingForMeeting'

/** Links that open a meeting (the committee link opens the committee screen). */
export type MeetingScreenLink = Exclude<MeetingLink, { kind: 'committee' }>

interface MeetingGateProps {
  link: MeetingScreenLink
  /** The screen, once the document holds the meeting; it reads the parts it shows itself. */
  children: (session: MeetingSession) => ReactNode
}

// Only a wiped meeting needs it: not part of what every screen loads first.
const RestorePanel = lazy(() =>
  import('../restore/RestorePanel').then((module) => ({ default: module.RestorePanel })),
)

/** What the gate itself shows and remembers of the meeting: not what changes as people type. */
const selectHead = pick(['title', 'ateliers'])

/**
 * Opens the meeting a link points to and shows it as soon as this device has it — from its own
 * storage first, from the relay if it never had it. Remembers the link on this device.
 */
export function MeetingGate({ link, children }: MeetingGateProps) {
  const capability = useMemo(() => capabilityOfLink(link), [link])
  const session = useMeetingSession(capability)
  if (!session)
    return <MeetingFrame title="" status={null} body={<WaitingForMeeting loaded={false} />} />
  return <OpenMeeting link={link} session={session} render={children} />
}

function OpenMeeting({
  link,
  session,
  render,
}: {
  link: MeetingScreenLink
  session: MeetingSession
  render: MeetingGateProps['children']
}) {
  const status = useSyncStatus(session)
  const meeting = useMeetingPartOnceThere(session.doc, selectHead)
  const atelierName =
    link.kind === 'atelier'
      ? meeting?.ateliers.find((a) => a.id === link.atelierId)?.name
      : undefined

  const title = meeting?.title
  useEffect(() => {
    if (title === undefined) return
    requestPersistentStorage()
    void rememberMeeting({
      fragment: formatLinkFragment(link),
      roomId: session.roomId,
      kind: link.kind,
      title,
      atelierName,
      lastOpenedAt: Date.now(),
    }).catch(reportStorageError)
  }, [link, session.roomId, title, atelierName])

  // While in sync, a device with write access tells the coordinator it is there (throttled).
  const atelierId = link.kind === 'atelier' ? link.atelierId : null
  const syncedAt = status.connection === 'synced' ? status.lastSyncedAt : null
  useEffect(() => {
    if (syncedAt === null || session.readOnly || title === undefined) return
    void Promise.all([deviceIdIn(session.roomId), legacyDeviceId()]).then(
      ([id, legacyId]) =>
        recordPresence(
          session.doc,
          { deviceId: id, kind: link.kind, atelierId, lastSyncedAt: syncedAt },
          legacyId,
          session.access === 'atelier',
        ),
      reportStorageError,
    )
  }, [syncedAt, session, link.kind, atelierId, title])

  // A link the relay does not recognise, on a device that never had the meeting. (Other
  // refusals — a full relay, an origin not allowed — are explained by the sync indicator.)
  const linkRefused = status.refusal === 'invalidKey' || status.refusal === 'badRequest'
  if (linkRefused && !meeting) return <InvalidLinkScreen />
  return (
    <MeetingFrame
      title={meeting?.title ?? ''}
      status={status}
      readOnly={session.readOnly}
      body={
        meeting ? (
          render(session)
        ) : (
          <WaitingForMeeting
            loaded={status.loaded}
            wayBack={
              link.kind === 'meeting' && status.connection === 'synced' ? (
                <Suspense fallback={null}>
                  <RestorePanel
                    meeting={{ ateliers: [] }}
                    session={session}
                    writeKey={link.writeKey}
                  />
                </Suspense>
              ) : undefined
            }
          />
        )
      }
    />
  )
}
