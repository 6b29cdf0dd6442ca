/**
 * The relay's endpoints for putting tablets on HTTPS:
 *
 * - `GET /addresses`: the addresses tablets can use (`addresses.ts`), for the coordinator's
 *   screen, which builds links and join sheets from one of them;
 * - `GET /tandem-ca.crt` and `GET /tandem.mobileconfig`: the relay's authority for Android and
 *   for iPads (`tls/installFiles.ts`), linked from the app's install page (`#/installer`).
 *   Public by nature (a certificate), served on plain HTTP too: that is how a tablet that does
 *   not trust the relay yet gets it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { relayAddresses, type ListeningPorts } from './addresses'
import type { Config } from './config'
import type { MachineNames } from './network'
import { sendText } from './static'
import { authorityDer, mobileconfig } from './tls/installFiles'

export const AUTHORITY_PATHS = {
  crt: '/tandem-ca.crt',
  mobileconfig: '/tandem.mobileconfig',
} as const

export interface InstallRoutesOptions {
  config: Pick<Config, 'host' | 'tls' | 'hostNames'>
  /** PEM, or null when the relay did not make its own certificates. */
  authority: string | null
  machineNames: () => MachineNames
  ports: () => ListeningPorts
}

/** Answers the request and returns true if it is one of these routes. */
export type InstallRoutes = (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean

export function createInstallRoutes({
  config,
  authority,
  machineNames,
  ports,
}: InstallRoutesOptions): InstallRoutes {
  const files = authority === null ? null : installFiles(authority)
  return (req, res, pathname) => {
    const body =
      pathname === '/addresses'
        ? {
            type: 'application/json',
            content: JSON.stringify(relayAddresses(config, ports(), machineNames())),
          }
        : pathname === AUTHORITY_PATHS.crt
          ? files?.crt
          : pathname === AUTHORITY_PATHS.mobileconfig
            ? files?.mobileconfig
            : undefined
    if (body === undefined) return false
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' })
      return true
    }
    res.writeHead(200, {
      'Content-Type': body.type,
      'Content-Length': Buffer.byteLength(body.content),
      'Cache-Control': 'no-store',
      ...('filename' in body
        ? { 'Content-Disposition': `attachment; filename="${body.filename}"` }
        : {}),
    })
    res.end(req.method === 'HEAD' ? undefined : body.content)
    return true
  }
}

function installFiles(authority: string) {
  return {
    crt: {
      type: 'application/x-x509-ca-cert',
      content: authorityDer(authority),
      filename: 'tandem-ca.crt',
    },
    mobileconfig: {
      type: 'application/x-apple-aspen-config',
      content: mobileconfig(authority),
      filename: 'tandem.mobileconfig',
    },
  }
}
