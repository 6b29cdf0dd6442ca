import { useRelayAddresses } from '../hooks/useRelayAddresses'
import { INSTALL_FRAGMENT } from '../links/links'
import { pageSituation, secureAddressFor } from '../sync/relayAddresses'
import { t } from '../text/strings'

/**
 * On every screen of a device that opened Tandem over plain HTTP (not localhost): the page
 * works while connected but will never open offline, so it says so and offers the same page at
 * the relay's HTTPS address, and the install page for a tablet that does not trust it yet.
 * Not on the install page itself, which is plain HTTP on purpose.
 */
export function InsecurePageBanner({ hash }: { hash: string }) {
  const insecure = pageSituation(window.location) === 'insecure'
  if (!insecure || hash === INSTALL_FRAGMENT) return null
  return <Banner />
}

function Banner() {
  const secure = secureAddressFor(useRelayAddresses(), window.location.hostname)
  return (
    <div className="storage-banner insecure-banner" role="alert" data-testid="insecure-page">
      <p>{t.secure.banner}</p>
      <p>
        {secure ? (
          <a href={`${secure}${window.location.pathname}${window.location.hash}`}>
            {t.secure.openSecure}
          </a>
        ) : (
          t.secure.askCoordination
        )}{' '}
        · <a href={INSTALL_FRAGMENT}>{t.secure.firstTime}</a>
      </p>
    </div>
  )
}
