import { describe, expect, it } from 'vitest'
import { relayAddresses } from './addresses'

const machine = {
  addresses: ['192.168.1.20', '10.0.0.7'],
  hostNames: ['pc-accueil', 'pc-accueil.local', 'tandem.local'],
}
const ports = { port: 8080, httpsPort: 8443 }

describe('the addresses tablets can use', () => {
  it('lists the HTTPS addresses, then tandem.local and the .local host name, and the install page', () => {
    expect(
      relayAddresses({ host: '0.0.0.0', tls: { kind: 'selfMade' }, hostNames: [] }, ports, machine),
    ).toEqual({
      secure: [
        'https://192.168.1.20:8443',
        'https://10.0.0.7:8443',
        'https://tandem.local:8443',
        'https://pc-accueil.local:8443',
      ],
      plain: ['http://192.168.1.20:8080', 'http://10.0.0.7:8080'],
      install: 'http://192.168.1.20:8080/#/installer',
    })
  })

  it('has no install page when the certificate came from elsewhere', () => {
    const tls = { kind: 'files', certFile: 'c', keyFile: 'k' } as const
    expect(
      relayAddresses({ host: '0.0.0.0', tls, hostNames: [] }, ports, machine).install,
    ).toBeNull()
  })

  it('lists only plain addresses without HTTPS, and nothing on loopback', () => {
    const plainOnly = relayAddresses(
      { host: '0.0.0.0', tls: null, hostNames: [] },
      { port: 8080, httpsPort: null },
      machine,
    )
    expect(plainOnly.secure).toEqual([])
    expect(plainOnly.plain).toEqual(['http://192.168.1.20:8080', 'http://10.0.0.7:8080'])
    expect(relayAddresses({ host: '127.0.0.1', tls: null, hostNames: [] }, ports, machine)).toEqual(
      {
        secure: [],
        plain: [],
        install: null,
      },
    )
  })

  it('lists only the address it listens on when HOST names one', () => {
    const one = relayAddresses(
      { host: '10.0.0.7', tls: { kind: 'selfMade' }, hostNames: [] },
      ports,
      machine,
    )
    expect(one.secure).toEqual(['https://10.0.0.7:8443'])
  })

  it('lists the names given in HOST_NAMES, even behind a loopback listener', () => {
    const named = relayAddresses(
      { host: '127.0.0.1', tls: { kind: 'selfMade' }, hostNames: ['relais.ccas.fr'] },
      ports,
      machine,
    )
    expect(named).toEqual({ secure: ['https://relais.ccas.fr:8443'], plain: [], install: null })
  })
})
