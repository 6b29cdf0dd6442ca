/**
 * HTTPS for `npm start`: the certificate the relay presents, either made here
 * (`localCertificates.ts`) for every current name and address of the laptop, or read from
 * `TLS_CERT`/`TLS_KEY`. `watchAddresses` re-issues the self-made one when the laptop joins
 * another network (the venue's router, a phone's hotspot) while the relay runs.
 */
import { readFile } from 'node:fs/promises'
import { isIP } from 'node:net'
import type { Config } from '../config'
import type { MachineNames } from '../network'
import type { KeyAndCertificate, ServerNames } from './authority'
import { covers, ensureServerCertificate } from './localCertificates'

export interface RelayTls {
  certificate: KeyAndCertificate
  /** The authority's certificate (PEM) for the install page, when it was made here. */
  authority: string | null
}

export async function prepareTls(
  config: Pick<Config, 'tls' | 'dataDir' | 'hostNames'>,
  machine: MachineNames,
): Promise<RelayTls | null> {
  if (config.tls === null) return null
  if (config.tls.kind === 'files') {
    const [cert, key] = await Promise.all([
      readFile(config.tls.certFile, 'utf8'),
      readFile(config.tls.keyFile, 'utf8'),
    ])
    return { certificate: { cert, key }, authority: null }
  }
  const { authority, server } = await ensureServerCertificate(
    config.dataDir,
    namesFor(machine, config.hostNames),
  )
  return { certificate: server, authority: authority.cert }
}

/**
 * What the self-made certificate names: the laptop's names and addresses, `HOST_NAMES`, and
 * loopback (so this laptop's browser may use HTTPS too once it trusts the authority).
 */
export function namesFor(machine: MachineNames, extraNames: readonly string[] = []): ServerNames {
  const names = [...new Set([...machine.hostNames, ...extraNames, 'localhost'])]
  return {
    dns: names.filter((name) => isIP(name) === 0),
    ips: [
      ...new Set([
        ...machine.addresses,
        ...extraNames.filter((name) => isIP(name) !== 0),
        '127.0.0.1',
      ]),
    ],
  }
}

// Ten seconds: a tablet that joins just after the laptop changed networks waits that long.
const WATCH_MS = 10_000

/** Calls `renewed` with a new certificate each time the names in use are no longer covered. */
export function watchAddresses(
  dataDir: string,
  current: KeyAndCertificate,
  wanted: () => ServerNames,
  renewed: (certificate: KeyAndCertificate) => void,
  failed: (error: unknown) => void,
  intervalMs = WATCH_MS,
): { stop(): void } {
  let certificate = current
  let busy = false
  const timer = setInterval(() => {
    const names = wanted()
    if (busy || covers(certificate.cert, names)) return
    busy = true
    ensureServerCertificate(dataDir, names)
      .then(({ server }) => {
        certificate = server
        renewed(server)
      }, failed)
      .finally(() => (busy = false))
  }, intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
