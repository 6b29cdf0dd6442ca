/**
 * Starts the relay on the coordinator's laptop (`npm start`, `npm run relay`): makes or reads
 * its certificate (`tls/`), serves HTTPS to the tablets and plain HTTP to this laptop and to the
 * install page, announces `tandem.local`, prints the addresses the tablets can use and the QR
 * code of the install page, and on Ctrl+C or SIGTERM closes every connection and writes every
 * pending update before exiting. Its log lines are logfmt (`log.ts`); the first says where it
 * listens:
 *
 *   time=… level=info event=relay.listening url=http://localhost:8080 port=8080 …
 *
 * The QR code and the few French lines around it are for the coordinator's eyes, not for logs.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { renderUnicodeCompact } from 'uqr'
import { relayAddresses } from './addresses'
import { parseConfig } from './config'
import { consoleLogger as log, errorCode } from './log'
import { machineNames, STABLE_NAME } from './network'
import { createRelay, type Relay } from './relay'
import { namesFor, prepareTls, watchAddresses } from './tls/localTls'
import { announceName } from './tls/mdns'

const parsed = parseConfig(process.env)
if (!parsed.ok) {
  console.error(`tandem relay: ${parsed.error}`)
  process.exit(1)
}
const { config } = parsed
const stops: (() => void)[] = []

let relay: Relay
try {
  const tls = await prepareTls(config, machineNames())
  relay = createRelay(config, {
    certificate: tls?.certificate,
    authority: tls?.authority ?? undefined,
  })
  const listening = await relay.listen()
  log.info('relay.listening', {
    url: listening.url,
    port: listening.port,
    https_port: listening.https?.port,
    tls: config.tls?.kind ?? 'off',
    data: config.dataDir,
    app: config.staticDir,
    max_rooms: config.maxRooms,
    max_document_bytes: config.maxDocumentBytes,
  })
  if (!existsSync(join(config.staticDir, 'index.html'))) {
    log.warn('relay.no_app', { app: config.staticDir, hint: 'run `npm run build`; sync works' })
  }
  const addresses = relayAddresses(
    config,
    { port: listening.port, httpsPort: listening.https?.port ?? null },
    machineNames(),
  )
  for (const url of addresses.secure.length > 0 ? addresses.secure : addresses.plain) {
    log.info('relay.lan_address', { url })
  }
  if (tls?.authority) {
    stops.push(
      watchAddresses(
        config.dataDir,
        tls.certificate,
        () => namesFor(machineNames(), config.hostNames),
        (certificate) => {
          relay.setCertificate(certificate)
          log.info('tls.renewed', { reason: 'addresses_changed' })
        },
        (error) => log.error('tls.renewal_failed', { error: errorCode(error) }),
      ).stop,
    )
    // Only when tablets can reach it: on loopback there is nobody to tell.
    if (config.host === '0.0.0.0' || config.host === '::') {
      stops.push(announceName(STABLE_NAME, () => machineNames().addresses, log).stop)
    }
  }
  if (addresses.install) printInstallCode(addresses.install, addresses.secure[0])
  else if (addresses.plain.length > 0 && !config.tls) {
    log.warn('relay.plain_http', {
      hint: 'tablets will not open the app offline over plain HTTP; unset HTTPS=off',
    })
  }
} catch (error) {
  console.error(`tandem relay: cannot start: ${(error as Error).message}`)
  process.exit(1)
}

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second Ctrl+C while a shutdown hangs is the way out.
    if (stopping) process.exit(1)
    stopping = true
    log.info('relay.stopping', { signal })
    for (const stop of stops) stop()
    relay.close().then(
      () => {
        log.info('relay.stopped')
        process.exit(0)
      },
      (error: unknown) => {
        log.error('relay.shutdown_failed', { error: errorCode(error) })
        process.exit(1)
      },
    )
  })
}

function printInstallCode(installUrl: string, appUrl: string | undefined): void {
  const lines = [
    '',
    'Installer sur les tablettes : scannez ce code avec chaque tablette, une seule fois.',
    '',
    renderUnicodeCompact(installUrl, { border: 2 }),
    installUrl,
    '',
    appUrl ? `Ensuite, les tablettes ouvrent Tandem sur ${appUrl}` : '',
    '',
  ]
  process.stdout.write(lines.join('\n') + '\n')
}
