import { useMemo, useState } from 'react'
import type { Meeting } from '../../doc/meetingDoc'
import type { CapabilityKey } from '../../links/capability'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../ui/strings'
import { Tabs } from '../../ui/Tabs'
import { AteliersReadiness } from '../readiness/AteliersReadiness'
import { usePublishFollowUpDigest } from '../followUp/usePublishFollowUpDigest'
import { ProceedingsPanel } from '../proceedings/ProceedingsPanel'
import { ReadinessPanel } from '../readiness/ReadinessPanel'
import { PlenaryControl } from '../restitution/PlenaryControl'
import { proceedingsRestitution } from '../restitution/proceedingsRestitution'
import { AteliersEditor } from './AteliersEditor'
import { DetailsEditor } from './DetailsEditor'
import { JoinSheets } from './JoinSheets'
import { MeetingLinksScreen } from './MeetingLinksScreen'
import { TrameEditor } from './TrameEditor'

type Tab = 'links' | 'edit' | 'sheets' | 'readiness' | 'plenary' | 'proceedings'
const TABS: Tab[] = ['links', 'edit', 'sheets', 'readiness', 'plenary', 'proceedings']

interface Props {
  meeting: Meeting
  session: MeetingSession
  writeKey: CapabilityKey
}

/** The coordinator's device: prepare the meeting, hand out the links, check every device. */
export function CoordinatorScreen({ meeting, session, writeKey }: Props) {
  const [tab, setTab] = useState<Tab>('links')
  const restitution = useMemo(() => proceedingsRestitution(meeting), [meeting])
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
      {tab === 'plenary' && <PlenaryControl meeting={meeting} session={session} />}
      {tab === 'proceedings' && (
        <ProceedingsPanel meeting={meeting} session={session} restitution={restitution} />
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
