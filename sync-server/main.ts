/**
 * Starts the relay on the coordinator's laptop (`npm run relay`), prints the addresses the
 * tablets can use, and on Ctrl+C or SIGTERM closes every connection and writes every pending
 * update before exiting. Every line it prints is logfmt (`log.ts`); the first says where it listens:
 *
 *   time=… level=info event=relay.listening url=http://localhost:8080 port=8080 …
 */
import { existsSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { parseConfig } from './config'
import { consoleLogger as log, errorCode } from './log'
import { createRelay, type Relay } from './relay'

const parsed = parseConfig(process.env)
if (!parsed.ok) {
  console.error(`tandem relay: ${parsed.error}`)
  process.exit(1)
}
const { config } = parsed

let relay: Relay
try {
  relay = createRelay(config)
  const { port, url } = await relay.listen()
  log.info('relay.listening', {
    url,
    port,
    data: config.dataDir,
    app: config.staticDir,
    max_rooms: config.maxRooms,
    max_document_bytes: config.maxDocumentBytes,
  })
  if (!existsSync(join(config.staticDir, 'index.html'))) {
    log.warn('relay.no_app', { app: config.staticDir, hint: 'run `npm run build`; sync works' })
  }
  // Bound to every interface: these are the addresses the tablets type.
  if (config.host === '0.0.0.0' || config.host === '::') {
    for (const address of lanAddresses()) {
      log.info('relay.lan_address', {
        url: `${config.tls ? 'https' : 'http'}://${address}:${port}`,
      })
    }
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

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => address.address)
}
