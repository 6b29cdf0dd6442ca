import { t } from '../../text/strings'

/** A link that opens nothing: malformed, or refused by the relay. */
export function InvalidLinkScreen() {
  return (
    <main className="frame__body">
      <div className="notice notice--error" role="alert" data-testid="invalid-link">
        <h1>{t.gate.invalidLink}</h1>
        <p>{t.gate.invalidLinkHelp}</p>
        <a className="button" href="#/">
          {t.gate.home}
        </a>
      </div>
    </main>
  )
}
