import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react'
import { recordPresence } from '../../doc/devices'
import type { Meeting } from '../../doc/meetingDoc'
import { deviceIdIn, legacyDeviceId, rememberMeeting } from '../../device/deviceDbLater'
import { reportStorageError } from '../../device/storageHealth'
import { requestPersistentStorage } from '../../device/storagePersistence'
import { capabilityOfLink, formatLinkFragment, type MeetingLink } from '../../links/links'
import { useMeetingPartOnceThere } from '../../hooks/useMeetingPart'
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

/**
 * Opens the meeting a link points to and shows it as soon as this device has it — from its own
 * storage first, from the relay if it never had it. Remembers the link on this device.
 */
export function MeetingGate({ link, children }: MeetingGateProps) {
  const capability = useMemo(() => capabilityOfLink(link), [link])
  const session = useMeetingSession(capability)
  if (!session)
    return <MeetingFrame title="" session={null} body={<WaitingForMeeting loaded={false} />} />
  return <OpenMeeting link={link} session={session} render={children} />
}

/** What the gate itself shows of the meeting: its title, and the atelier's name on its link. */
function headOf(link: MeetingScreenLink) {
  return (meeting: Meeting) => ({
    title: meeting.title,
    atelierName:
      link.kind === 'atelier'
        ? meeting.ateliers.find((atelier) => atelier.id === link.atelierId)?.name
        : undefined,
  })
}

/**
 * The meeting once its session is open. It re-renders only for what it shows itself — the
 * title, whether the link was refused — and so never re-renders the screen below it for an
 * update received or saved: the sync status changes with each of them, and only the indicator
 * (`MeetingFrame`) and the presence below read it. Exported for its render-count test.
 */
export function OpenMeeting({
  link,
  session,
  render,
}: {
  link: MeetingScreenLink
  session: MeetingSession
  render: MeetingGateProps['children']
}) {
  const head = useMeetingPartOnceThere(session.doc, headOf(link))
  // A link the relay does not recognise, on a device that never had the meeting. (Other
  // refusals — a full relay, an origin not allowed — are explained by the sync indicator.)
  const linkRefused = useSyncStatus(
    session,
    (status) => status.refusal === 'invalidKey' || status.refusal === 'badRequest',
  )

  const title = head?.title
  const atelierName = head?.atelierName
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

  if (linkRefused && !head) return <InvalidLinkScreen />
  return (
    <MeetingFrame
      title={title ?? ''}
      session={session}
      body={
        head ? (
          <>
            <Presence link={link} session={session} />
            {render(session)}
          </>
        ) : (
          <Waiting link={link} session={session} />
        )
      }
    />
  )
}

/** While in sync, a device with write access tells the coordinator it is there (throttled). */
function Presence({ link, session }: { link: MeetingScreenLink; session: MeetingSession }) {
  const syncedAt = useSyncStatus(session, (status) =>
    status.connection === 'synced' ? status.lastSyncedAt : null,
  )
  const atelierId = link.kind === 'atelier' ? link.atelierId : null
  useEffect(() => {
    if (syncedAt === null || session.readOnly) return
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
  }, [syncedAt, session, link.kind, atelierId])
  return null
}

/**
 * Until the document holds the meeting. On the coordinator's link, once in sync with a relay
 * that holds no meeting either (it was wiped), the way back to an earlier moment.
 */
function Waiting({ link, session }: { link: MeetingScreenLink; session: MeetingSession }) {
  const loaded = useSyncStatus(session, (status) => status.loaded)
  const synced = useSyncStatus(session, (status) => status.connection === 'synced')
  return (
    <WaitingForMeeting
      loaded={loaded}
      wayBack={
        link.kind === 'meeting' && synced ? (
          <Suspense fallback={null}>
            <RestorePanel meeting={{ ateliers: [] }} session={session} writeKey={link.writeKey} />
          </Suspense>
        ) : undefined
      }
    />
  )
}
