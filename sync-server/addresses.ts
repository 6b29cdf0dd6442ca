/**
 * The addresses tablets can use to reach this relay, for `npm start`'s terminal and for the
 * coordinator's screen (`GET /addresses`), which builds links and join sheets from one of them.
 *
 *   { "secure": ["https://192.168.1.20:8443", "https://tandem.local:8443", …],
 *     "plain": ["http://192.168.1.20:8080"],
 *     "install": "http://192.168.1.20:8080/#/installer" }
 *
 * Addresses first (they work on any network), then `tandem.local` (needs mDNS on the tablet),
 * then the host name, then `HOST_NAMES`. `install` is the plain-HTTP page that installs the relay's authority on a
 * tablet: only when the relay made its own certificates.
 */
import type { Config } from './config'
import { isLoopbackHost } from './config'
import { INSTALL_FRAGMENT } from '../src/links/links'
import { STABLE_NAME, type MachineNames } from './network'

export interface RelayAddresses {
  secure: string[]
  plain: string[]
  install: string | null
}

export interface ListeningPorts {
  port: number
  httpsPort: number | null
}

export function relayAddresses(
  config: Pick<Config, 'host' | 'tls' | 'hostNames'>,
  ports: ListeningPorts,
  machine: MachineNames,
): RelayAddresses {
  const everywhere = config.host === '0.0.0.0' || config.host === '::'
  const addresses = everywhere
    ? machine.addresses
    : isLoopbackHost(config.host)
      ? []
      : [config.host]
  // A bare host name (`pc-accueil`) rarely resolves on a tablet: only `.local` names are listed.
  const names = everywhere
    ? [
        STABLE_NAME,
        ...machine.hostNames.filter((name) => name !== STABLE_NAME && name.includes('.')),
      ]
    : []
  const hosts = [...new Set([...addresses.map(bracketed), ...names, ...config.hostNames])]
  const secure =
    ports.httpsPort === null ? [] : hosts.map((host) => `https://${host}:${ports.httpsPort}`)
  const plain = addresses.map((address) => `http://${bracketed(address)}:${ports.port}`)
  const install =
    config.tls?.kind === 'selfMade' && plain[0] !== undefined
      ? `${plain[0]}/${INSTALL_FRAGMENT}`
      : null
  return { secure, plain, install }
}

function bracketed(address: string): string {
  return address.includes(':') ? `[${address}]` : address
}
