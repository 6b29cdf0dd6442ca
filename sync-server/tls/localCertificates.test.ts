import { X509Certificate } from 'node:crypto'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { namesOf } from './authority'
import { ensureServerCertificate, loadOrCreateAuthority, tlsDir } from './localCertificates'
import { namesFor } from './localTls'

const machine = {
  addresses: ['192.168.1.20'],
  hostNames: ['pc-accueil', 'pc-accueil.local', 'tandem.local'],
}
const DAY_MS = 24 * 60 * 60 * 1000

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tandem-tls-'))
})
afterEach(() => rm(dataDir, { recursive: true, force: true }))

describe('the relay’s own certificates', () => {
  it('makes an authority once, its key readable by the owner only', async () => {
    const first = await loadOrCreateAuthority(dataDir)
    const again = await loadOrCreateAuthority(dataDir)
    expect(again).toEqual(first)
    const ca = new X509Certificate(first.cert)
    expect(ca.ca).toBe(true)
    expect(ca.subject).toContain('CN=Tandem ')
    expect((await stat(join(tlsDir(dataDir), 'ca.key'))).mode & 0o777).toBe(0o600)
    expect((await stat(tlsDir(dataDir))).mode & 0o077).toBe(0)
  })

  it('issues a server certificate for every address and name, signed by the authority', async () => {
    const { authority, server, renewed } = await ensureServerCertificate(dataDir, namesFor(machine))
    expect(renewed).toBe(true)
    const cert = new X509Certificate(server.cert)
    expect(cert.ca).toBe(false)
    expect(cert.verify(new X509Certificate(authority.cert).publicKey)).toBe(true)
    expect(cert.checkIssued(new X509Certificate(authority.cert))).toBe(true)
    expect(cert.checkIP('192.168.1.20')).toBe('192.168.1.20')
    expect(cert.checkHost('tandem.local')).toBe('tandem.local')
    expect(cert.checkHost('pc-accueil.local')).toBe('pc-accueil.local')
    expect(cert.checkHost('evil.example')).toBeUndefined()
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']) // serverAuth
    expect(namesOf(server.cert)).toEqual({
      dns: ['pc-accueil', 'pc-accueil.local', 'tandem.local', 'localhost'],
      ips: ['192.168.1.20', '127.0.0.1'],
    })
    // Under the 398 days browsers allow.
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / DAY_MS
    expect(days).toBeLessThan(398)
    expect((await stat(join(tlsDir(dataDir), 'server.key'))).mode & 0o777).toBe(0o600)
  })

  it('keeps the certificate while the addresses stay, renews it when one changes', async () => {
    const first = await ensureServerCertificate(dataDir, namesFor(machine))
    const same = await ensureServerCertificate(dataDir, namesFor(machine))
    expect(same.renewed).toBe(false)
    expect(same.server).toEqual(first.server)

    const atTheVenue = { ...machine, addresses: ['10.0.0.7'] }
    const moved = await ensureServerCertificate(dataDir, namesFor(atTheVenue))
    expect(moved.renewed).toBe(true)
    expect(new X509Certificate(moved.server.cert).checkIP('10.0.0.7')).toBe('10.0.0.7')
    // The same authority: tablets that trust it need nothing new.
    expect(moved.authority).toEqual(first.authority)
  })

  it('renews a certificate a month before it expires', async () => {
    const now = new Date()
    await ensureServerCertificate(dataDir, namesFor(machine), now)
    const twelveMonthsOn = new Date(now.getTime() + 370 * DAY_MS)
    const later = await ensureServerCertificate(dataDir, namesFor(machine), twelveMonthsOn)
    expect(later.renewed).toBe(true)
    expect(Date.parse(new X509Certificate(later.server.cert).validTo)).toBeGreaterThan(
      twelveMonthsOn.getTime() + 300 * DAY_MS,
    )
  })

  it('re-issues a certificate that another authority signed', async () => {
    await ensureServerCertificate(dataDir, namesFor(machine))
    const otherDir = await mkdtemp(join(tmpdir(), 'tandem-tls-'))
    try {
      const other = await ensureServerCertificate(otherDir, namesFor(machine))
      const { cp } = await import('node:fs/promises')
      await cp(join(tlsDir(otherDir), 'server.crt'), join(tlsDir(dataDir), 'server.crt'))
      await cp(join(tlsDir(otherDir), 'server.key'), join(tlsDir(dataDir), 'server.key'))
      const result = await ensureServerCertificate(dataDir, namesFor(machine))
      expect(result.renewed).toBe(true)
      expect(result.server.cert).not.toBe(other.server.cert)
    } finally {
      await rm(otherDir, { recursive: true, force: true })
    }
  })
})
