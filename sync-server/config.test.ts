import { describe, expect, it } from 'vitest'
import { parseConfig, type Config } from './config'

const MIB = 1024 * 1024

const defaults: Config = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: './data',
  staticDir: './dist',
  tls: { kind: 'selfMade' },
  httpsPort: 8443,
  hostNames: [],
  metricsToken: null,
  maxMessageBytes: 8 * MIB,
  maxDocumentBytes: 32 * MIB,
  maxRooms: 64,
  maxConnectionsPerRoom: 64,
  messagesPerSecond: 100,
  bytesPerSecond: MIB,
  allowedOrigins: [],
  roomIdleMs: 30_000,
  snapshotIntervalMs: 60_000,
}

describe('parseConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(parseConfig({})).toEqual({ ok: true, config: defaults })
  })

  it('reads every variable', () => {
    const result = parseConfig({
      PORT: '443',
      HOST: '192.168.1.20',
      DATA_DIR: '/srv/tandem',
      STATIC_DIR: '/srv/app',
      TLS_CERT: 'cert.pem',
      TLS_KEY: 'key.pem',
      HTTPS_PORT: '8444',
      HOST_NAMES: 'Tandem.CCAS-Reims.fr, relais',
      METRICS_TOKEN: 'a-long-enough-token',
      MAX_MESSAGE_BYTES: '1048576',
      MAX_DOCUMENT_BYTES: '2097152',
      MAX_ROOMS: '5',
      MAX_CONNECTIONS_PER_ROOM: '12',
      RATE_MESSAGES_PER_SECOND: '20',
      RATE_BYTES_PER_SECOND: '65536',
      ALLOWED_ORIGINS: 'https://tandem.example.org, http://localhost:5173/',
      ROOM_IDLE_SECONDS: '0.5',
      SNAPSHOT_INTERVAL_SECONDS: '300',
    })
    expect(result).toEqual({
      ok: true,
      config: {
        port: 443,
        host: '192.168.1.20',
        dataDir: '/srv/tandem',
        staticDir: '/srv/app',
        tls: { kind: 'files', certFile: 'cert.pem', keyFile: 'key.pem' },
        httpsPort: 8444,
        hostNames: ['tandem.ccas-reims.fr', 'relais'],
        metricsToken: 'a-long-enough-token',
        maxMessageBytes: 1048576,
        maxDocumentBytes: 2097152,
        maxRooms: 5,
        maxConnectionsPerRoom: 12,
        messagesPerSecond: 20,
        bytesPerSecond: 65536,
        allowedOrigins: ['https://tandem.example.org', 'http://localhost:5173'],
        roomIdleMs: 500,
        snapshotIntervalMs: 300_000,
      },
    })
  })

  it('takes an empty variable as unset, so `PORT=` is not port 0', () => {
    const result = parseConfig({ PORT: '', HOST: '', ALLOWED_ORIGINS: '' })
    expect(result.ok && result.config.port).toBe(8080)
    expect(result.ok && result.config.host).toBe('0.0.0.0')
    expect(result.ok && result.config.allowedOrigins).toEqual([])
  })

  it('accepts port 0 (any free port) and ALLOWED_ORIGINS=* (any page)', () => {
    const result = parseConfig({ PORT: '0', ALLOWED_ORIGINS: '*' })
    expect(result.ok && result.config.port).toBe(0)
    expect(result.ok && result.config.allowedOrigins).toBe('*')
  })

  it.each(['abc', '-1', '65536', '80.5'])('refuses PORT=%s with one clear line', (port) => {
    expect(parseConfig({ PORT: port })).toEqual({
      ok: false,
      error: 'invalid configuration: PORT: expected an integer from 0 to 65535',
    })
  })

  it.each([
    ['MAX_DOCUMENT_BYTES', '1000', 'expected an integer from 65536'],
    ['MAX_ROOMS', '0', 'expected an integer from 1'],
    ['MAX_CONNECTIONS_PER_ROOM', 'many', 'expected an integer from 1'],
    ['RATE_MESSAGES_PER_SECOND', '0', 'expected an integer from 1'],
    ['RATE_BYTES_PER_SECOND', '10', 'expected an integer from 1024'],
    ['ROOM_IDLE_SECONDS', '-1', 'expected a number of seconds from 0'],
    ['ALLOWED_ORIGINS', 'tandem.example.org', 'is not an origin'],
    ['ALLOWED_ORIGINS', 'https://tandem.example.org/app', 'is not an origin'],
    ['ALLOWED_ORIGINS', 'ftp://tandem.example.org', 'is not an origin'],
  ])('refuses %s=%s, saying why', (name, value, why) => {
    const result = parseConfig({ [name]: value })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toContain(`${name}: `)
    expect(result.error).toContain(why)
  })

  it('serves HTTPS with its own certificates on the network, plain HTTP on loopback or when asked', () => {
    const tlsOf = (env: Record<string, string>) => {
      const result = parseConfig(env)
      return result.ok ? result.config.tls : result.error
    }
    expect(tlsOf({})).toEqual({ kind: 'selfMade' })
    expect(tlsOf({ HOST: '192.168.1.20' })).toEqual({ kind: 'selfMade' })
    expect(tlsOf({ HOST: '127.0.0.1' })).toBeNull()
    expect(tlsOf({ HOST: 'localhost' })).toBeNull()
    expect(tlsOf({ HOST: '::1' })).toBeNull()
    expect(tlsOf({ HTTPS: 'off' })).toBeNull()
    expect(tlsOf({ HOST: '127.0.0.1', HTTPS: 'on' })).toEqual({ kind: 'selfMade' })
    expect(tlsOf({ HTTPS: 'off', TLS_CERT: 'c', TLS_KEY: 'k' })).toContain('contradict')
    expect(tlsOf({ HTTPS: 'yes' })).toContain('HTTPS: expected on or off')
  })

  it('refuses a metrics token short enough to guess', () => {
    const result = parseConfig({ METRICS_TOKEN: 'secret' })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toContain('METRICS_TOKEN: expected at least 16 characters')
  })

  it('refuses a certificate without its key, and a key without its certificate', () => {
    const error =
      'invalid configuration: TLS_CERT and TLS_KEY go together: set both (HTTPS) or neither (HTTP)'
    expect(parseConfig({ TLS_CERT: 'cert.pem' })).toEqual({ ok: false, error })
    expect(parseConfig({ TLS_KEY: 'key.pem' })).toEqual({ ok: false, error })
  })

  it('lists every problem on the one line', () => {
    const result = parseConfig({ PORT: 'x', MAX_MESSAGE_BYTES: '10' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toContain('PORT: ')
    expect(result.error).toContain('MAX_MESSAGE_BYTES: expected an integer from 1024')
    expect(result.error).not.toContain('\n')
  })
})
