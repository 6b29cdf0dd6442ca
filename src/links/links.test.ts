import { describe, expect, it } from 'vitest'
import { capabilityFromKey, newWriteKey, readKeyOf } from './capability'
import { formatLink, formatLinkFragment, parseLink, type MeetingLink } from './links'

const writeKey = newWriteKey()
const links: MeetingLink[] = [
  { kind: 'meeting', writeKey },
  { kind: 'atelier', writeKey, atelierId: 'abcDEF123_-x' as never },
  { kind: 'atelier', writeKey, atelierId: 'abcDEF123_-x' as never, role: 'reporter' },
  { kind: 'projection', readKey: readKeyOf(writeKey) },
  { kind: 'committee', writeKey },
]

describe('join links', () => {
  it.each(links)('round-trips a $kind link through its URL', (link) => {
    const url = formatLink('https://tandem.local:8443', link)
    expect(url.startsWith('https://tandem.local:8443/#/')).toBe(true)
    expect(parseLink(url)).toEqual({ ok: true, link })
    expect(parseLink(formatLinkFragment(link))).toEqual({ ok: true, link })
  })

  it('keeps the key out of the part of the URL a browser sends', () => {
    const url = new URL(formatLink('https://x.example', links[1]!))
    expect(url.pathname + url.search).toBe('/')
    expect(url.hash).toContain(writeKey)
  })

  it('treats an address without a meeting fragment as the home screen', () => {
    expect(parseLink('https://x.example/')).toEqual({ ok: false, reason: 'not-a-link' })
    expect(parseLink('#/')).toEqual({ ok: false, reason: 'not-a-link' })
    expect(parseLink('')).toEqual({ ok: false, reason: 'not-a-link' })
  })

  it.each([
    ['a truncated key', `#/rencontre/${writeKey.slice(0, 20)}`],
    ['a key with foreign characters', `#/rencontre/${writeKey.slice(0, 42)}!`],
    ['a missing atelier', `#/atelier/${writeKey}`],
    ['an unknown role', `#/atelier/${writeKey}/a/b`],
    ['a role and more', `#/atelier/${writeKey}/a/rapporteur/x`],
    ['extra segments', `#/projection/${writeKey}/extra`],
    ['an empty key', '#/projection/'],
  ])('rejects %s as invalid', (_name, fragment) => {
    expect(parseLink(fragment)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('gives the projection link read access to the same room as the write link', () => {
    const write = capabilityFromKey(writeKey, 'write')
    const read = capabilityFromKey(readKeyOf(writeKey), 'read')
    expect(read.roomId).toBe(write.roomId)
    expect(read.access).toBe('read')
    expect(read.writeKey).toBeUndefined()
  })
})
