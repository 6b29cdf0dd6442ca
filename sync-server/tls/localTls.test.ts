import { X509Certificate } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import type { KeyAndCertificate } from './authority'
import { namesFor, prepareTls, watchAddresses } from './localTls'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

it('re-issues the certificate when the laptop joins another network, keeping the authority', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-tls-'))
  dirs.push(dataDir)
  let machine = { addresses: ['192.168.1.20'], hostNames: ['tandem.local'] }
  const config = { tls: { kind: 'selfMade' } as const, dataDir, hostNames: [] }
  const first = (await prepareTls(config, machine))!
  const renewed: KeyAndCertificate[] = []
  const watch = watchAddresses(
    dataDir,
    first.certificate,
    () => namesFor(machine),
    (certificate) => renewed.push(certificate),
    (error) => {
      throw error
    },
    10,
  )
  try {
    machine = { ...machine, addresses: ['172.20.10.2'] } // the phone's hotspot
    await vi.waitFor(() => expect(renewed).toHaveLength(1))
    const cert = new X509Certificate(renewed[0]!.cert)
    expect(cert.checkIP('172.20.10.2')).toBe('172.20.10.2')
    expect(cert.verify(new X509Certificate(first.authority!).publicKey)).toBe(true)
    expect((await prepareTls(config, machine))!.authority).toBe(first.authority)
  } finally {
    watch.stop()
  }
})
