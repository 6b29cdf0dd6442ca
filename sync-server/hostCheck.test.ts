import { describe, expect, it } from 'vitest'
import { createHostCheck, hostOf } from './hostCheck'

describe('the Host check', () => {
  const machine = {
    names: () => ['pc-accueil', 'pc-accueil.local', 'tandem.local'],
    addresses: () => ['127.0.0.1', '192.168.1.20', 'fe80::1'],
  }

  it('answers the relay’s own names and addresses, on any port', () => {
    const allowed = createHostCheck({
      listenHost: '0.0.0.0',
      extraNames: ['relais.ccas.fr'],
      ...machine,
    })
    for (const host of [
      'localhost:8080',
      '127.0.0.1',
      '[::1]:8443',
      '192.168.1.20:8443',
      'Tandem.Local:8443',
      'tandem.local.',
      'pc-accueil.local',
      '[fe80::1]:8443',
      'relais.ccas.fr',
    ]) {
      expect(allowed(host), host).toBe(true)
    }
  })

  it('refuses any other name: a DNS-rebinding page cannot reach the relay', () => {
    const allowed = createHostCheck({ listenHost: '0.0.0.0', extraNames: [], ...machine })
    for (const host of [
      'evil.example',
      'evil.example:8443',
      'tandem.local.evil.example',
      '192.168.1.21',
      'user@tandem.local',
      '',
      undefined,
      'tandem.local:8443; script-src *',
    ]) {
      expect(allowed(host), String(host)).toBe(false)
    }
  })

  it('learns an address the laptop got after start, reading the interfaces at most once a second', () => {
    let addresses = ['192.168.1.20']
    let now = 0
    let reads = 0
    const allowed = createHostCheck({
      listenHost: '0.0.0.0',
      extraNames: [],
      names: () => [],
      addresses: () => {
        reads += 1
        return addresses
      },
      now: () => now,
    })
    addresses = ['10.0.0.7']
    expect(allowed('10.0.0.7')).toBe(false) // read less than a second ago
    now = 1500
    expect(allowed('10.0.0.7')).toBe(true)
    expect(allowed('10.0.0.8')).toBe(false)
    expect(allowed('10.0.0.9')).toBe(false)
    expect(reads).toBe(2)
  })

  it('reads the host out of a Host header', () => {
    expect(hostOf('Tandem.Local:8443')).toBe('tandem.local')
    expect(hostOf('[::1]:8080')).toBe('::1')
    expect(hostOf('bad host')).toBeNull()
  })
})
