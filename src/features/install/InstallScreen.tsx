import { useRelayAddresses } from '../../hooks/useRelayAddresses'
import { AUTHORITY_FILES } from '../../links/links'
import { secureAddressFor } from '../../sync/relayAddresses'
import { MAIN_ID, SkipLink } from '../../ui/SkipLink'
import { t } from '../../text/strings'
import { useTrustCheck } from './useTrustCheck'
import { Button } from '../../ui/Button'

/**
 * "Installer sur les tablettes" (`#/installer`), opened on each tablet once from the QR code
 * that `npm start` prints and the coordinator's screen shows. Over plain HTTP on purpose: the
 * tablet does not trust the relay's HTTPS yet. It gives the relay's authority in the form each
 * system installs (served by `sync-server/installRoutes.ts`: the authority, never a private key),
 * the steps in French, and checks the result against the HTTPS address.
 */
export function InstallScreen() {
  const addresses = useRelayAddresses()
  const secure = secureAddressFor(addresses, window.location.hostname)
  return (
    <div className="frame">
      <header className="topbar">
        <SkipLink />
        <a className="topbar__home" href="#/">
          {t.appName}
        </a>
        <span className="topbar__title">{t.install.title}</span>
      </header>
      <main className="frame__body page" id={MAIN_ID} tabIndex={-1} data-testid="install">
        <h1 className="page__title">{t.install.title}</h1>
        <p>{t.install.intro}</p>
        <section className="card">
          <h2>{t.install.ipadTitle}</h2>
          <a className="button" href={AUTHORITY_FILES.profile}>
            {t.install.downloadProfile}
          </a>
          <ol>
            {t.install.ipadSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
        <section className="card">
          <h2>{t.install.androidTitle}</h2>
          <a className="button" href={AUTHORITY_FILES.certificate}>
            {t.install.downloadCertificate}
          </a>
          <ol>
            {t.install.androidSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
        <section className="card" aria-live="polite">
          <h2>{t.install.checkTitle}</h2>
          {secure ? (
            <TrustCheck secure={secure} />
          ) : (
            <p data-testid="trust-check" data-state="none">
              {addresses ? t.install.noSecure : t.install.noRelay}
            </p>
          )}
        </section>
      </main>
    </div>
  )
}

function TrustCheck({ secure }: { secure: string }) {
  const { state, check } = useTrustCheck(secure)
  return (
    <>
      <p data-testid="trust-check" data-state={state}>
        {state === 'checking'
          ? t.install.checking
          : state === 'trusted'
            ? t.install.trusted
            : t.install.notTrusted}
      </p>
      {state === 'trusted' ? (
        <a className="button" href={`${secure}/`}>
          {t.install.openApp}
        </a>
      ) : (
        <Button secondary onClick={check} disabled={state === 'checking'}>
          {t.install.checkAgain}
        </Button>
      )}
    </>
  )
}
