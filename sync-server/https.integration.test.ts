/**
 * The relay on HTTPS with the certificates it makes itself: what a tablet's browser meets
 * (trust through the authority, TLS settings, headers), the install page's files, and the
 * checks every request passes (Host, /metrics).
 */
import { X509Certificate } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { join } from 'node:path'
import { connect, type ConnectionOptions } from 'node:tls'
import { parse } from 'plist'
import { WebSocket } from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir, Teardown, recordingLogger } from '../tests/helpers/relay'
import { parseConfig } from './config'
import { createRelay } from './relay'
import { prepareTls } from './tls/localTls'

const teardown = new Teardown()
afterEach(() => teardown.run())

const machine = { addresses: [] as string[], hostNames: ['tandem.local'] }

interface Running {
  port: number
  httpsPort: number
  ca: string
  dataDir: string
  setMachine(addresses: string[]): void
}

async function startHttpsRelay(): Promise<Running> {
  const dataDir = await tempDir(teardown)
  const staticDir = join(dataDir, 'app')
  await mkdir(staticDir)
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Tandem</title>')
  const parsed = parseConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    HTTPS: 'on',
    HTTPS_PORT: '0',
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
  })
  if (!parsed.ok) throw new Error(parsed.error)
  let names = { ...machine }
  const tls = await prepareTls(parsed.config, names)
  const relay = createRelay(parsed.config, {
    logger: recordingLogger(),
    certificate: tls!.certificate,
    authority: tls!.authority!,
    machineNames: () => names,
  })
  const listening = await relay.listen()
  teardown.add(() => relay.close())
  return {
    port: listening.port,
    httpsPort: listening.https!.port,
    ca: tls!.authority!,
    dataDir,
    setMachine: (addresses) => (names = { ...names, addresses }),
  }
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

function get(
  url: string,
  options: { ca?: string; headers?: Record<string, string>; method?: string } = {},
): Promise<Answer> {
  const target = new URL(url)
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        ca: options.ca,
        headers: options.headers,
        method: options.method ?? 'GET',
        servername: 'tandem.local',
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** A TLS handshake with these settings: the protocol it agreed on, or the error. */
function handshake(port: number, ca: string, options: ConnectionOptions): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, ca, servername: 'tandem.local', ...options })
    socket.once('secureConnect', () => {
      resolve(`${socket.getProtocol()} ${socket.getCipher().name}`)
      socket.end()
    })
    socket.once('error', (error: Error & { code?: string }) => resolve(error.code ?? 'error'))
  })
}

describe('the relay on HTTPS with its own certificates', () => {
  let relay: Running
  beforeEach(async () => {
    relay = await startHttpsRelay()
  })

  it('is trusted by a client that trusts its authority, under tandem.local and 127.0.0.1', async () => {
    const byName = await get(`https://127.0.0.1:${relay.httpsPort}/healthz`, {
      ca: relay.ca,
      headers: { Host: `tandem.local:${relay.httpsPort}` },
    })
    expect(byName.status).toBe(200)
    const untrusted = get(`https://127.0.0.1:${relay.httpsPort}/healthz`)
    await expect(untrusted).rejects.toThrow(/self-signed|unable to (get|verify)/i)
  })

  it('speaks TLS 1.2 and 1.3 with ECDHE and AEAD ciphers only', async () => {
    const { httpsPort, ca } = relay
    expect(await handshake(httpsPort, ca, {})).toMatch(/^TLSv1\.3 /)
    expect(await handshake(httpsPort, ca, { maxVersion: 'TLSv1.2' })).toMatch(
      /^TLSv1\.2 ECDHE-ECDSA-(AES128-GCM-SHA256|AES256-GCM-SHA384|CHACHA20-POLY1305)$/,
    )
    // SECLEVEL=0: this client could speak TLS 1.0 and 1.1 if the relay let it.
    const old = {
      maxVersion: 'TLSv1.1',
      minVersion: 'TLSv1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    } as const
    expect(await handshake(httpsPort, ca, old)).toBe('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION')
    for (const ciphers of [
      'ECDHE-ECDSA-AES128-SHA',
      'AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES256-SHA384',
    ]) {
      expect(await handshake(httpsPort, ca, { maxVersion: 'TLSv1.2', ciphers }), ciphers).toBe(
        'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
      )
    }
  })

  it('sends HSTS on HTTPS only, and the page headers on both', async () => {
    const secure = await get(`https://127.0.0.1:${relay.httpsPort}/`, { ca: relay.ca })
    const plain = await get(`http://127.0.0.1:${relay.port}/`)
    expect(secure.headers['strict-transport-security']).toBe('max-age=86400')
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    for (const page of [secure, plain]) {
      expect(page.status).toBe(200)
      const csp = String(page.headers['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self';")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(page.headers['referrer-policy']).toBe('no-referrer')
      expect(page.headers['x-content-type-options']).toBe('nosniff')
    }
    // The plain-HTTP install page may check the HTTPS address, nothing else.
    expect(String(plain.headers['content-security-policy'])).toContain(
      `connect-src 'self' ws://127.0.0.1:${relay.port} wss://127.0.0.1:${relay.port} https://127.0.0.1:${relay.httpsPort};`,
    )
  })

  it('serves the authority for the install page over plain HTTP, never a private key', async () => {
    const crt = await get(`http://127.0.0.1:${relay.port}/tandem-ca.crt`)
    expect(crt.status).toBe(200)
    expect(crt.headers['content-type']).toBe('application/x-x509-ca-cert')
    expect(new X509Certificate(crt.body).fingerprint256).toBe(
      new X509Certificate(relay.ca).fingerprint256,
    )
    const profile = await get(`http://127.0.0.1:${relay.port}/tandem.mobileconfig`)
    expect(profile.headers['content-type']).toBe('application/x-apple-aspen-config')
    const parsed = parse(profile.body.toString('utf8')) as {
      PayloadContent: { PayloadContent: Buffer }[]
    }
    expect(new X509Certificate(parsed.PayloadContent[0]!.PayloadContent).ca).toBe(true)
    for (const file of [crt, profile]) expect(file.body.toString('latin1')).not.toContain('PRIVATE')
    expect(
      (await get(`http://127.0.0.1:${relay.port}/tandem-ca.crt`, { method: 'POST' })).status,
    ).toBe(405)
  })

  it('lists the HTTPS addresses tablets can use, as the laptop’s addresses change', async () => {
    const listed = async () =>
      JSON.parse((await get(`http://127.0.0.1:${relay.port}/addresses`)).body.toString('utf8'))
    // Listening on 127.0.0.1 only: no address a tablet could use.
    expect(await listed()).toEqual({ secure: [], plain: [], install: null })
  })

  it('refuses requests and sync connections that name another host (DNS rebinding)', async () => {
    const page = await get(`http://127.0.0.1:${relay.port}/`, { headers: { Host: 'evil.example' } })
    expect(page.status).toBe(421)
    const socket = new WebSocket(
      `ws://127.0.0.1:${relay.port}/sync/aba3868f3f67a5e57a9b83b12759ec0a`,
      ['tandem.v1'],
      {
        headers: { Host: `evil.example:${relay.port}` },
      },
    )
    const status = await new Promise<number>((resolve) =>
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode!)),
    )
    expect(status).toBe(421)
  })

  it('gives /metrics to GET only', async () => {
    expect((await get(`http://127.0.0.1:${relay.port}/metrics`)).status).toBe(200)
    expect((await get(`http://127.0.0.1:${relay.port}/metrics`, { method: 'POST' })).status).toBe(
      405,
    )
    expect((await get(`http://127.0.0.1:${relay.port}/metrics`, { method: 'DELETE' })).status).toBe(
      405,
    )
  })
})
