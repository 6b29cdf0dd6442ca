import { describe, expect, it } from 'vitest'
import { pageSituation, relayAddressesSchema, secureAddressFor } from './relayAddresses'

describe('where tablets can reach the relay', () => {
  it('tells a page tablets can use from one they cannot', () => {
    expect(pageSituation({ protocol: 'https:', hostname: '192.168.1.20' })).toBe('usable')
    expect(pageSituation({ protocol: 'https:', hostname: 'tandem.local' })).toBe('usable')
    expect(pageSituation({ protocol: 'http:', hostname: 'localhost' })).toBe('localhost')
    expect(pageSituation({ protocol: 'http:', hostname: '127.0.0.1' })).toBe('localhost')
    expect(pageSituation({ protocol: 'https:', hostname: '[::1]' })).toBe('localhost')
    expect(pageSituation({ protocol: 'http:', hostname: '192.168.1.20' })).toBe('insecure')
  })

  it('offers the HTTPS address of the host the tablet already reaches, else the first', () => {
    const addresses = {
      secure: ['https://192.168.1.20:8443', 'https://tandem.local:8443'],
      plain: ['http://192.168.1.20:8080'],
      install: null,
    }
    expect(secureAddressFor(addresses, 'tandem.local')).toBe('https://tandem.local:8443')
    expect(secureAddressFor(addresses, '10.0.0.7')).toBe('https://192.168.1.20:8443')
    expect(secureAddressFor({ ...addresses, secure: [] }, 'tandem.local')).toBeNull()
    expect(secureAddressFor(null, 'tandem.local')).toBeNull()
  })

  it('takes only plain origins from the relay’s answer', () => {
    const answer = (secure: string[]) =>
      relayAddressesSchema.safeParse({ secure, plain: [], install: null }).success
    expect(answer(['https://192.168.1.20:8443'])).toBe(true)
    expect(answer(['javascript:alert(1)'])).toBe(false)
    expect(answer(['https://evil.example/#/atelier'])).toBe(false)
    expect(answer(['https://a b'])).toBe(false)
  })
})
