import { describe, expect, it } from 'vitest'
import { parseConfig } from './config'

describe('parseConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: '0.0.0.0',
        dataDir: './data',
        staticDir: './dist',
        tls: null,
        maxMessageBytes: 8 * 1024 * 1024,
      },
    })
  })

  it('reads every variable', () => {
    const result = parseConfig({
      PORT: '443',
      HOST: '192.168.1.20',
      DATA_DIR: '/srv/tandem',
      STATIC_DIR: '/srv/app',
      TLS_CERT: 'cert.pem',
      TLS_KEY: 'key.pem',
      MAX_MESSAGE_BYTES: '1048576',
    })
    expect(result).toEqual({
      ok: true,
      config: {
        port: 443,
        host: '192.168.1.20',
        dataDir: '/srv/tandem',
        staticDir: '/srv/app',
        tls: { certFile: 'cert.pem', keyFile: 'key.pem' },
        maxMessageBytes: 1048576,
      },
    })
  })

  it('takes an empty variable as unset, so `PORT=` is not port 0', () => {
    const result = parseConfig({ PORT: '', HOST: '' })
    expect(result.ok && result.config.port).toBe(8080)
    expect(result.ok && result.config.host).toBe('0.0.0.0')
  })

  it('accepts port 0 (any free port)', () => {
    const result = parseConfig({ PORT: '0' })
    expect(result.ok && result.config.port).toBe(0)
  })

  it.each(['abc', '-1', '65536', '80.5'])('refuses PORT=%s with one clear line', (port) => {
    expect(parseConfig({ PORT: port })).toEqual({
      ok: false,
      error: 'invalid configuration: PORT: expected an integer from 0 to 65535',
    })
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
