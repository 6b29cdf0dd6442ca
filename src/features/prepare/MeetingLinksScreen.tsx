import { useState, type FormEvent } from 'react'
import { addAtelier } from '../../doc/ateliers'
import type { Meeting } from '../../doc/meetingDoc'
import { readKeyOf, type CapabilityKey } from '../../links/capability'
import { formatLink } from '../../links/links'
import type { MeetingSession } from '../../sync/meetingSession'
import { CopyLinkField } from '../../ui/CopyLinkField'
import { ImportHandover } from '../handover/ImportHandover'
import { ShareWithoutNetwork } from '../handover/ShareWithoutNetwork'
import { t } from '../../text/strings'
import { LinkOriginPicker } from './LinkOriginPicker'
import { roleLinks } from './roleLinks'
import { useLinkOrigin } from './useLinkOrigin'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

interface Props {
  meeting: Meeting
  session: MeetingSession
  writeKey: CapabilityKey
}

/**
 * The coordinator's view of a meeting: the projection link and, per atelier, the animateur's and
 * the rapporteur's links (the ones the printed sheets carry), and the hand-over of ateliers' work
 * by file when there is no network.
 */
export function MeetingLinksScreen({ meeting, session, writeKey }: Props) {
  const linkOrigin = useLinkOrigin()
  const { origin } = linkOrigin
  const countOf = (atelierId: string) =>
    meeting.proposals.filter((proposal) => proposal.atelierId === atelierId).length
  return (
    <div className="page">
      <LinkOriginPicker linkOrigin={linkOrigin} />
      <section className="card">
        <h2>{t.meeting.linksTitle}</h2>
        <p className="help">{t.meeting.linksHelp}</p>
        <CopyLinkField
          label={t.meeting.projectionLink}
          url={formatLink(origin, { kind: 'projection', readKey: readKeyOf(writeKey) })}
          testId="projection-link"
        />
        <ul className="atelier-links">
          {meeting.ateliers.map((atelier) => (
            <li key={atelier.id} className="atelier-links__item" data-testid="atelier-link-item">
              <h3>
                {atelier.name}{' '}
                <span className="muted">· {t.meeting.proposalsCount(countOf(atelier.id))}</span>
              </h3>
              <div className="atelier-links__roles">
                {roleLinks(origin, writeKey, atelier.id).map(({ role, url }) => (
                  <CopyLinkField
                    key={role}
                    label={t.prepare.roleCode[role]}
                    url={url}
                    testId={`atelier-link-${role}`}
                  />
                ))}
              </div>
            </li>
          ))}
        </ul>
        {!session.readOnly && <AddAtelierForm session={session} />}
        <p className="help">{t.meeting.keepSecret}</p>
        <p className="help" data-testid="older-atelier-links">
          {t.meeting.olderAtelierLinks}
        </p>
      </section>
      {!session.readOnly && <ImportHandover session={session} />}
      <ShareWithoutNetwork session={session} meeting={meeting} atelierId={null} />
    </div>
  )
}

function AddAtelierForm({ session }: { session: MeetingSession }) {
  const [name, setName] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return
    addAtelier(session.doc, name)
    setName('')
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <Field label={t.meeting.newAtelierName}>
        <input value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
      </Field>
      <Button secondary type="submit" disabled={!name.trim()}>
        {t.meeting.addAtelier}
      </Button>
    </form>
  )
}
