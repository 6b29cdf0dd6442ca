import { X509Certificate } from 'node:crypto'
import { parse } from 'plist'
import { describe, expect, it } from 'vitest'
import { createAuthority } from './authority'
import { authorityDer, mobileconfig } from './installFiles'

const authority = await createAuthority('Tandem pc-accueil 2026-11-30')

describe('the files a tablet installs', () => {
  it('gives Android the authority’s certificate, and nothing else', () => {
    const der = authorityDer(authority.cert)
    const cert = new X509Certificate(der)
    expect(cert.ca).toBe(true)
    expect(cert.fingerprint256).toBe(new X509Certificate(authority.cert).fingerprint256)
    expect(der.toString('latin1')).not.toContain('PRIVATE KEY')
  })

  it('gives iPads a configuration profile holding the same certificate', () => {
    const text = mobileconfig(authority.cert)
    const profile = parse(text) as Record<string, unknown>
    expect(profile).toMatchObject({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadDisplayName: 'Tandem — Tandem pc-accueil 2026-11-30',
    })
    const payloads = profile.PayloadContent as Record<string, unknown>[]
    expect(payloads).toHaveLength(1)
    const [payload] = payloads
    expect(payload).toMatchObject({ PayloadType: 'com.apple.security.root', PayloadVersion: 1 })
    expect(String(payload!.PayloadUUID)).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-8[0-9A-F]{3}-[0-9A-F]{12}$/,
    )
    const cert = new X509Certificate(payload!.PayloadContent as Buffer)
    expect(cert.fingerprint256).toBe(new X509Certificate(authority.cert).fingerprint256)
    expect(text).not.toContain('PRIVATE KEY')
    expect(text).not.toContain(authority.key.split('\n')[1]!)
    // The same authority gives the same profile: a tablet sees one profile, not one per download.
    expect(mobileconfig(authority.cert)).toBe(text)
  })
})
