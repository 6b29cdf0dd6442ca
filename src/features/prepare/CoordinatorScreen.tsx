import { useMemo, useState } from 'react'
import { useMeetingPart } from '../../hooks/useMeetingPart'
import type { CapabilityKey } from '../../links/capability'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../ui/strings'
import { Tabs } from '../../ui/Tabs'
import { AteliersReadiness } from '../readiness/AteliersReadiness'
import { usePublishFollowUpDigest } from '../followUp/usePublishFollowUpDigest'
import { ProceedingsPanel } from '../proceedings/ProceedingsPanel'
import { ReadinessPanel } from '../readiness/ReadinessPanel'
import { RestorePanel } from '../restore/RestorePanel'
import { PlenaryControl } from '../restitution/PlenaryControl'
import { proceedingsRestitution } from '../restitution/proceedingsRestitution'
import { AteliersEditor } from './AteliersEditor'
import { DetailsEditor } from './DetailsEditor'
import { JoinSheets } from './JoinSheets'
import { MeetingLinksScreen } from './MeetingLinksScreen'
import { TrameEditor } from './TrameEditor'
import { ErrorBoundary } from '../../ui/ErrorBoundary'

type Tab = 'links' | 'edit' | 'sheets' | 'readiness' | 'plenary' | 'proceedings' | 'history'
const TABS: Tab[] = ['links', 'edit', 'sheets', 'readiness', 'plenary', 'proceedings', 'history']

interface Props {
  session: MeetingSession
  writeKey: CapabilityKey
}

/** The coordinator's device: prepare the meeting, hand out the links, check every device. */
export function CoordinatorScreen({ session, writeKey }: Props) {
  const [tab, setTab] = useState<Tab>('links')
  usePublishFollowUpDigest(session)
  return (
    <>
      <Tabs
        tabs={TABS}
        current={tab}
        labels={t.prepare.tabs}
        onChange={setTab}
        label={t.prepare.tabsLabel}
        className="tabs--bar no-print"
      />
      {/* The plenary reads only what it shows: the ateliers' notes do not re-render it. */}
      <ErrorBoundary scope="card" resetKey={tab}>
        {tab === 'plenary' ? (
          <PlenaryControl session={session} />
        ) : (
          <PreparationTab tab={tab} session={session} writeKey={writeKey} />
        )}
      </ErrorBoundary>
    </>
  )
}

const wholeMeeting = <T,>(meeting: T) => meeting

/** The tabs that show the whole meeting (its notes too: the actes, what an atelier holds). */
function PreparationTab({ tab, session, writeKey }: Props & { tab: Exclude<Tab, 'plenary'> }) {
  const meeting = useMeetingPart(session.doc, wholeMeeting)
  const restitution = useMemo(() => proceedingsRestitution(meeting), [meeting])
  return (
    <>
      {tab === 'links' && (
        <MeetingLinksScreen meeting={meeting} session={session} writeKey={writeKey} />
      )}
      {tab === 'edit' && (
        <div className="page page--wide">
          <DetailsEditor meeting={meeting} session={session} />
          <AteliersEditor meeting={meeting} session={session} />
          <TrameEditor meeting={meeting} session={session} />
        </div>
      )}
      {tab === 'sheets' && <JoinSheets meeting={meeting} writeKey={writeKey} />}
      {tab === 'proceedings' && (
        <ProceedingsPanel meeting={meeting} session={session} restitution={restitution} />
      )}
      {tab === 'history' && (
        <RestorePanel meeting={meeting} session={session} writeKey={writeKey} />
      )}
      {tab === 'readiness' && (
        <div className="page">
          <ReadinessPanel meeting={meeting} session={session} />
          <AteliersReadiness meeting={meeting} />
        </div>
      )}
    </>
  )
}
