import { useMemo, useState } from 'react'
import { pick, useMeetingPart } from '../../hooks/useMeetingPart'
import type { CapabilityKey } from '../../links/capability'
import type { MeetingSession } from '../../sync/meetingSession'
import { formatDate } from '../../text/formatDate'
import { t } from '../../text/strings'
import { Tabs } from '../../ui/Tabs'
import { ImportHandover } from '../handover/ImportHandover'
import { AteliersReadiness } from '../readiness/AteliersReadiness'
import { MeetingFollowUp } from '../followUp/MeetingFollowUp'
import { usePublishFollowUpDigest } from '../followUp/usePublishFollowUpDigest'
import { ProceedingsPanel } from '../proceedings/ProceedingsPanel'
import { ReadinessPanel } from '../readiness/ReadinessPanel'
import { RestorePanel } from '../restore/RestorePanel'
import { PlenaryControl } from '../restitution/PlenaryControl'
import { proceedingsRestitution } from '../../proceedings/proceedingsRestitution'
import { AteliersEditor } from './AteliersEditor'
import { DetailsEditor } from './DetailsEditor'
import { JoinSheets } from './JoinSheets'
import { MeetingLinksScreen } from './MeetingLinksScreen'
import { TrameEditor } from './TrameEditor'
import { useAtelierKeyChecks } from './useAtelierKeyChecks'
import { ErrorBoundary } from '../../ui/ErrorBoundary'
import { Button } from '../../ui/Button'
import './prepare.css'

type Tab =
  'links' | 'edit' | 'sheets' | 'readiness' | 'plenary' | 'proceedings' | 'followUp' | 'history'
const TABS: Tab[] = [
  'links',
  'edit',
  'sheets',
  'readiness',
  'plenary',
  'proceedings',
  'followUp',
  'history',
]
/**
 * The evening's order, numbered on the tabs; the links are handed out along the way. It ends
 * with the tableau de suivi: what the plenary retained goes on, reported at the next meetings.
 */
const ORDER = ['edit', 'sheets', 'readiness', 'plenary', 'proceedings', 'followUp'] as const
const STEPS = Object.fromEntries(ORDER.map((tab, index) => [tab, index + 1])) as Record<Tab, number>
const selectHeading = pick(['title', 'date'])

interface Props {
  session: MeetingSession
  writeKey: CapabilityKey
}

/** The coordinator's device: prepare the meeting, hand out the links, check every device. */
export function CoordinatorScreen({ session, writeKey }: Props) {
  const [tab, setTab] = useState<Tab>('links')
  const { title, date } = useMeetingPart(session.doc, selectHeading)
  usePublishFollowUpDigest(session)
  useAtelierKeyChecks(session, writeKey)
  // "Historique" is no step of the evening: it has no "next".
  const position = ORDER.indexOf(tab as (typeof ORDER)[number])
  const next = tab === 'links' ? ORDER[0] : position >= 0 ? ORDER[position + 1] : undefined
  return (
    <>
      <div className="coordinator-heading no-print">
        <h1 className="page__title">{title}</h1>
        {date && <p className="page__subtitle">{formatDate(date)}</p>}
      </div>
      <Tabs
        tabs={TABS}
        current={tab}
        labels={t.prepare.tabs}
        steps={STEPS}
        onChange={setTab}
        label={t.prepare.tabsLabel}
        className="tabs--bar no-print"
      />
      {tab === 'links' && (
        <div className="notice-inline coordinator-order no-print" data-testid="evening-order">
          <p>{t.prepare.order}</p>
          <Button onClick={() => setTab(ORDER[0])}>{t.prepare.start}</Button>
        </div>
      )}
      {/* The plenary reads only what it shows: the ateliers' notes do not re-render it. */}
      <ErrorBoundary
        scope="card"
        resetKey={tab}
        wayOut={
          tab === 'history' ? undefined : (
            <Button secondary onClick={() => setTab('history')}>
              {t.errors.wayBack}
            </Button>
          )
        }
      >
        {tab === 'plenary' ? (
          <>
            <PlenaryControl session={session} />
            {/* An atelier without network brings its file while the coordinator is here. */}
            <div className="page page--wide">
              <ImportHandover session={session} />
            </div>
          </>
        ) : tab === 'followUp' ? (
          <MeetingFollowUp meetingId={session.roomId} />
        ) : (
          <PreparationTab tab={tab} session={session} writeKey={writeKey} />
        )}
      </ErrorBoundary>
      {tab !== 'links' && next && (
        <div className="next-step no-print">
          {/* The step's name is beside the button, not in it: tabs keep their names unique. */}
          <p>{t.prepare.nextStep(STEPS[next], t.prepare.tabs[next])}</p>
          <Button onClick={() => setTab(next)} data-testid="next-step">
            {t.prepare.continue}
          </Button>
        </div>
      )}
    </>
  )
}

const wholeMeeting = <T,>(meeting: T) => meeting

/** The tabs that show the whole meeting (its notes too: the actes, what an atelier holds). */
function PreparationTab({
  tab,
  session,
  writeKey,
}: Props & { tab: Exclude<Tab, 'plenary' | 'followUp'> }) {
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
