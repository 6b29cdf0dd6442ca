import { useState } from 'react'
import { pick, useMeetingPart } from '../../hooks/useMeetingPart'
import { useSyncStatus } from '../../hooks/useSyncStatus'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Tabs } from '../../ui/Tabs'
import { ShareWithoutNetwork } from '../handover/ShareWithoutNetwork'
import { ReadinessPanel } from '../readiness/ReadinessPanel'
import { AtelierClock } from './AtelierClock'
import { AttendancePanel } from './AttendancePanel'
import { NotesPanel } from './NotesPanel'
import { ProposalsPanel } from './ProposalsPanel'
import { StepRunner } from './StepRunner'
import { ErrorBoundary } from '../../ui/ErrorBoundary'
import './atelier.css'

type View = 'facilitator' | 'reporter' | 'attendance' | 'readiness'
const VIEWS: View[] = ['facilitator', 'reporter', 'attendance', 'readiness']

/** What the tablet shows besides the notes, which each note field reads from its own text. */
const selectAtelier = pick(['ateliers', 'removedAteliers', 'script', 'proposals', 'attendance'])

interface Props {
  session: MeetingSession
  atelierId: string
  /** The role the link was made for: its view opens first. */
  role?: 'facilitator' | 'reporter'
}

/**
 * The atelier tablet. The binôme switches between the animateur's view (trame and timer) and
 * the rapporteur's (notes and proposals) on one tablet, or keeps one view on each of two.
 */
export function AtelierScreen({ session, atelierId, role }: Props) {
  const [view, setView] = useState<View>(role ?? 'facilitator')
  const meeting = useMeetingPart(session.doc, selectAtelier)
  const neverSynced = useSyncStatus(session, (status) => status.lastSyncedAt === null)
  const atelier = meeting.ateliers.find((candidate) => candidate.id === atelierId)
  if (!atelier) {
    const removed = meeting.removedAteliers.some((candidate) => candidate.id === atelierId)
    return (
      <p className="notice notice--error">
        {removed ? t.atelier.removedAtelier : t.atelier.unknownAtelier}
      </p>
    )
  }
  return (
    <div className="page page--wide">
      <div className="atelier-header">
        <h1 className="page__title" data-testid="atelier-name">
          {atelier.name}
        </h1>
        <AtelierClock meeting={meeting} atelier={atelier} />
      </div>
      {neverSynced && (
        <p className="notice-inline" data-testid="never-synced">
          {t.sync.neverSynced}
        </p>
      )}
      <Tabs
        tabs={VIEWS}
        current={view}
        labels={t.atelier.views}
        onChange={setView}
        label={t.atelier.viewsLabel}
      />
      {view === 'facilitator' && (
        <ErrorBoundary scope="card">
          <StepRunner meeting={meeting} session={session} atelier={atelier} />
        </ErrorBoundary>
      )}
      {view === 'reporter' && (
        <>
          <div className="columns">
            <ErrorBoundary scope="card">
              <NotesPanel meeting={meeting} session={session} atelier={atelier} />
            </ErrorBoundary>
            <ErrorBoundary scope="card">
              <ProposalsPanel meeting={meeting} session={session} atelier={atelier} />
            </ErrorBoundary>
          </div>
          {/* Handing over by file is the way out when the rest fails: kept apart. */}
          <ErrorBoundary scope="card">
            <ShareWithoutNetwork session={session} meeting={meeting} atelierId={atelier.id} />
          </ErrorBoundary>
        </>
      )}
      {view === 'readiness' && (
        <ErrorBoundary scope="card">
          <ReadinessPanel meeting={meeting} session={session} />
        </ErrorBoundary>
      )}
      {view === 'attendance' && (
        <ErrorBoundary scope="card">
          <AttendancePanel meeting={meeting} session={session} atelierId={atelier.id} />
        </ErrorBoundary>
      )}
    </div>
  )
}
