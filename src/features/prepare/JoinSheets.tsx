import type { Meeting } from '../../doc/meetingDoc'
import { readKeyOf, type CapabilityKey } from '../../links/capability'
import { formatLink } from '../../links/links'
import { QrCode } from '../../ui/QrCode'
import { t } from '../../text/strings'
import { LinkOriginPicker } from './LinkOriginPicker'
import { roleLinks } from './roleLinks'
import { useLinkOrigin } from './useLinkOrigin'
import { formatDate } from '../../text/formatDate'
import { Button } from '../../ui/Button'

interface Sheet {
  title: string
  subtitle: string
  /** One QR code per role (or one for the projector). */
  codes: Array<{ label: string; url: string }>
  help: string
}

/**
 * One printable sheet per atelier (and one for the projector): its QR code, its link, and
 * what to do with it. A tablet's camera opens the link straight into the app. The QR library
 * is loaded only here, so it weighs nothing on the first screen.
 */
export function JoinSheets({ meeting, writeKey }: { meeting: Meeting; writeKey: CapabilityKey }) {
  const linkOrigin = useLinkOrigin()
  const { origin } = linkOrigin
  const sheets: Sheet[] = [
    ...meeting.ateliers.map((atelier) => ({
      title: atelier.name,
      subtitle: [
        atelier.room,
        [atelier.facilitatorName, atelier.reporterName].filter(Boolean).join(' et '),
      ]
        .filter(Boolean)
        .join(' · '),
      codes: roleLinks(origin, writeKey, atelier.id).map(({ role, url }) => ({
        label: t.prepare.roleCode[role],
        url,
      })),
      help: t.prepare.sheetAtelierHelp,
    })),
    {
      title: t.meeting.projectionLink,
      subtitle: '',
      codes: [
        {
          label: t.meeting.projectionLink,
          url: formatLink(origin, { kind: 'projection', readKey: readKeyOf(writeKey) }),
        },
      ],
      help: t.prepare.sheetProjectionHelp,
    },
  ]
  return (
    <div className="sheets">
      <LinkOriginPicker linkOrigin={linkOrigin} />
      <div className="sheets__toolbar no-print">
        <p className="help">{t.prepare.sheetsHelp}</p>
        <Button onClick={() => window.print()}>{t.prepare.print}</Button>
      </div>
      {sheets.map((sheet) => (
        <article key={sheet.codes[0]!.url} className="sheet" data-testid="join-sheet">
          <p className="sheet__meeting">
            {meeting.title}
            {meeting.date ? ` — ${formatDate(meeting.date)}` : ''}
          </p>
          <h2 className="sheet__title">{sheet.title}</h2>
          {sheet.subtitle && <p className="sheet__subtitle">{sheet.subtitle}</p>}
          <div className="sheet__codes">
            {sheet.codes.map((code) => (
              <figure key={code.url} className="sheet__code">
                <QrCode text={code.url} className="sheet__qr" />
                <figcaption>{code.label}</figcaption>
                <p className="sheet__url">{code.url}</p>
              </figure>
            ))}
          </div>
          <p className="sheet__help">{sheet.help}</p>
        </article>
      ))}
    </div>
  )
}
