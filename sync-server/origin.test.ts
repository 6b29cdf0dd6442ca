import { describe, expect, it } from 'vitest'
import { originAllowed } from './origin'

describe('originAllowed', () => {
  it('allows programs that send no Origin, and the page the relay served', () => {
    expect(originAllowed(undefined, '192.168.1.20:8080', [])).toBe(true)
    expect(originAllowed('http://192.168.1.20:8080', '192.168.1.20:8080', [])).toBe(true)
    expect(originAllowed('https://tandem.local', 'tandem.local', [])).toBe(true)
    expect(originAllowed('https://tandem.local', 'tandem.local:443', [])).toBe(true)
    expect(originAllowed('https://Tandem.Local', 'tandem.local', [])).toBe(true)
  })

  it('refuses other pages, opaque origins and nonsense unless listed', () => {
    for (const origin of [
      'https://evil.example',
      'http://192.168.1.20:8081',
      'null',
      'file://',
      'not a url',
      'chrome-extension://abc',
    ]) {
      expect(originAllowed(origin, '192.168.1.20:8080', []), origin).toBe(false)
    }
  })

  it('allows the listed origins, or any with *', () => {
    const allowed = ['http://localhost:5173', 'https://tandem.example.org']
    expect(originAllowed('http://localhost:5173', 'localhost:8080', allowed)).toBe(true)
    expect(originAllowed('https://tandem.example.org', '192.168.1.20:8080', allowed)).toBe(true)
    expect(originAllowed('http://localhost:5174', 'localhost:8080', allowed)).toBe(false)
    expect(originAllowed('https://evil.example', 'localhost:8080', '*')).toBe(true)
  })
})
