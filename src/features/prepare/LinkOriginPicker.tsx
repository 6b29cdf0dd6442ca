import { QrCode } from '../../ui/QrCode'
import { t } from '../../text/strings'
import type { LinkOrigin } from './useLinkOrigin'
import { Field } from '../../ui/Field'

/**
 * Above the coordinator's links and join sheets: which address they carry, why when it is not
 * the page's own (`localhost`, plain HTTP), a choice among the relay's HTTPS addresses, and the
 * QR code of the install page each tablet scans once.
 */
export function LinkOriginPicker({ linkOrigin }: { linkOrigin: LinkOrigin }) {
  const { origin, situation, choices, choose, install, known } = linkOrigin
  const noSecure = choices.length === 0
  const notice =
    situation === 'usable' || !known
      ? null
      : situation === 'localhost'
        ? noSecure
          ? t.secure.noAddressOnLocalhost
          : t.secure.onLocalhost(origin)
        : noSecure
          ? t.secure.noAddressOnPlainHttp
          : t.secure.onPlainHttp(origin)
  if (!notice && choices.length < 2 && !install) return null
  return (
    <section className="card no-print" data-testid="link-origin">
      <h2>{t.secure.addressTitle}</h2>
      {notice && (
        <p
          className={noSecure ? 'field__error' : 'help'}
          role="status"
          data-testid="link-origin-notice"
          data-situation={situation}
        >
          {notice}
        </p>
      )}
      {choices.length > 1 && (
        <Field label={t.secure.chooseAddress}>
          <select value={origin} onChange={(event) => choose(event.target.value)}>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
          <span className="help">{t.secure.addressHelp}</span>
        </Field>
      )}
      {install && (
        <details data-testid="install-code">
          <summary className="disclosure">{t.secure.installTitle}</summary>
          <p className="help">{t.secure.installHelp}</p>
          <QrCode text={install} className="sheet__qr" />
          <p className="sheet__url">{install}</p>
        </details>
      )}
    </section>
  )
}
