/**
 * Starts the relay on the coordinator's laptop (`npm run relay`), prints the addresses the
 * tablets can use, and on Ctrl+C or SIGTERM closes every connection and writes every pending
 * update before exiting.
 */
import { existsSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { parseConfig } from './config'
import { consoleLogger as log } from './log'
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
  log.info(`tandem relay serving ${url} (data: ${config.dataDir}, app: ${config.staticDir})`)
  if (!existsSync(join(config.staticDir, 'index.html'))) {
    log.warn(`no app in ${config.staticDir}: run \`npm run build\` (sync works meanwhile)`)
  }
  // Bound to every interface: these are the addresses the tablets type.
  if (config.host === '0.0.0.0' || config.host === '::') {
    for (const address of lanAddresses()) {
      log.info(`  on the network: ${config.tls ? 'https' : 'http'}://${address}:${port}`)
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
    log.info(`${signal}: closing connections, writing pending updates`)
    relay.close().then(
      () => {
        log.info('stopped')
        process.exit(0)
      },
      (error: Error) => {
        log.error(`shutdown failed: ${error.message}`)
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
