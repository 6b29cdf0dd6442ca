import { useEffect, useMemo } from 'react'
import { deleteTemplate } from '../../doc/committeeDoc'
import { BUILT_IN_TEMPLATES } from '../../doc/script'
import { rememberMeeting } from '../../device/deviceDb'
import { reportStorageError } from '../../device/storageHealth'
import { useSyncStatus } from '../../hooks/useSyncStatus'
import { capabilityFromKey, type CapabilityKey } from '../../links/capability'
import { formatLink, formatLinkFragment } from '../../links/links'
import type { MeetingSession } from '../../sync/meetingSession'
import { CopyLinkField } from '../../ui/CopyLinkField'
import { t } from '../../text/strings'
import { MeetingFrame } from '../meeting/MeetingFrame'
import { WaitingForMeeting } from '../meeting/WaitingForMeeting'
import { formatDate } from '../../text/formatDate'
import { EvaluationPanel } from '../evaluation/EvaluationPanel'
import { FollowUpPanel } from '../followUp/FollowUpPanel'
import { IdeaBankPanel } from '../ideas/IdeaBankPanel'
import { NewMeetingForm } from './NewMeetingForm'
import { useLinkOrigin } from '../prepare/useLinkOrigin'
import { useCommittee } from '../../hooks/useCommittee'
import { ErrorBoundary } from '../../ui/ErrorBoundary'
import { Button } from '../../ui/Button'

/** The committee: its meetings, its trame templates, a new meeting, the link for other devices. */
export function CommitteeScreen({ writeKey }: { writeKey: CapabilityKey }) {
  const capability = useMemo(() => capabilityFromKey(writeKey, 'write'), [writeKey])
  const { session, committee } = useCommittee(capability)
  const name = committee?.name
  useEffect(() => {
    if (name === undefined) return
    void rememberMeeting({
      fragment: formatLinkFragment({ kind: 'committee', writeKey }),
      roomId: capability.roomId,
      kind: 'committee',
      title: name,
      lastOpenedAt: Date.now(),
    }).catch(reportStorageError)
  }, [name, writeKey, capability.roomId])
  if (!session)
    return <MeetingFrame title="" session={null} body={<WaitingForMeeting loaded={false} />} />
  return <CommitteeBody session={session} writeKey={writeKey} committee={committee} />
}

function CommitteeBody({
  session,
  writeKey,
  committee,
}: {
  session: MeetingSession
  writeKey: CapabilityKey
  committee: ReturnType<typeof useCommittee>['committee']
}) {
  const loaded = useSyncStatus(session, (status) => status.loaded)
  // Another coordinator's laptop opens this link: the same address rules as the tablets'.
  const { origin } = useLinkOrigin()
  const body = !committee ? (
    <WaitingForMeeting loaded={loaded} />
  ) : (
    <div className="page">
      <h1 className="page__title">{committee.name}</h1>
      <section className="card">
        <h2>{t.committee.meetings}</h2>
        {committee.meetings.length === 0 ? (
          <p className="help">{t.committee.noMeetings}</p>
        ) : (
          <ul className="known-list">
            {committee.meetings.map((meeting) => (
              <li key={meeting.id} className="known-list__item">
                <a
                  className="known-list__link"
                  href={formatLinkFragment({ kind: 'meeting', writeKey: meeting.writeKey })}
                >
                  <strong>{meeting.title}</strong>
                  <span className="muted">{meeting.date ? formatDate(meeting.date) : ''}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ErrorBoundary scope="card">
        <IdeaBankPanel committee={committee} session={session} />
      </ErrorBoundary>
      <ErrorBoundary scope="card">
        <FollowUpPanel committee={committee} session={session} />
      </ErrorBoundary>
      <ErrorBoundary scope="card">
        <EvaluationPanel committee={committee} session={session} />
      </ErrorBoundary>
      <NewMeetingForm />
      <section className="card">
        <h2>{t.committee.templates}</h2>
        <ul className="known-list">
          {BUILT_IN_TEMPLATES.map((template) => (
            <li key={template.id} className="known-list__item">
              <span className="known-list__link">
                <strong>{template.name}</strong>
                <span className="muted">{t.committee.builtIn}</span>
              </span>
            </li>
          ))}
          {committee.templates.map((template) => (
            <li key={template.id} className="known-list__item">
              <span className="known-list__link">
                <strong>{template.name}</strong>
                <span className="muted">
                  {template.steps.map((step) => step.title).join(' · ')}
                </span>
              </span>
              <Button secondary onClick={() => deleteTemplate(session.doc, template.id)}>
                {t.committee.deleteTemplate}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <CopyLinkField
          label={t.committee.link}
          url={formatLink(origin, { kind: 'committee', writeKey })}
          testId="committee-link"
        />
        <p className="help">{t.committee.linkHelp}</p>
      </section>
    </div>
  )
  return <MeetingFrame title={committee?.name ?? ''} session={session} body={body} />
}
