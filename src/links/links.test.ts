import { describe, expect, it } from 'vitest'
import { atelierKeyOf, capabilityFromKey, newWriteKey, readKeyOf } from './capability'
import {
  atelierLink,
  capabilityOfLink,
  formatLink,
  formatLinkFragment,
  parseLink,
  type MeetingLink,
} from './links'

const writeKey = newWriteKey()
const atelierId = 'abcDEF123_-x' as never
const links: MeetingLink[] = [
  { kind: 'meeting', writeKey },
  atelierLink(writeKey, atelierId),
  atelierLink(writeKey, atelierId, 'reporter'),
  { kind: 'atelier', key: { writeKey }, atelierId },
  { kind: 'atelier', key: { writeKey }, atelierId, role: 'facilitator' },
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

  it('keeps the keys out of the part of the URL a browser sends', () => {
    for (const link of links) {
      const url = new URL(formatLink('https://x.example', link))
      expect(url.pathname + url.search).toBe('/')
    }
  })

  it('gives an atelier link the read key and its atelier key, never the write key', () => {
    const link = atelierLink(writeKey, atelierId, 'reporter')
    const fragment = formatLinkFragment(link)
    const readKey = readKeyOf(writeKey)
    expect(fragment).toBe(
      `#/atelier/${readKey}.${atelierKeyOf(writeKey, atelierId)}/${atelierId}/rapporteur`,
    )
    expect(fragment).not.toContain(writeKey)
    const capability = capabilityOfLink(link)
    expect(capability).toEqual({
      access: 'atelier',
      roomId: capabilityFromKey(writeKey, 'write').roomId,
      readKey,
      atelier: { id: atelierId, key: atelierKeyOf(writeKey, atelierId) },
    })
  })

  it('keeps full access for an atelier link made before atelier keys (the write key)', () => {
    const parsed = parseLink(`#/atelier/${writeKey}/${atelierId}/animateur`)
    expect(parsed.ok && capabilityOfLink(parsed.link)).toEqual(capabilityFromKey(writeKey, 'write'))
  })

  it('opens nothing writable with the read key in a coordinator link', () => {
    const readKey = readKeyOf(writeKey)
    const parsed = parseLink(`#/rencontre/${readKey}`)
    // A read key taken for a write key names another room, which no meeting is in.
    expect(parsed.ok && capabilityOfLink(parsed.link).roomId).not.toBe(
      capabilityFromKey(writeKey, 'write').roomId,
    )
    const atelierKey = atelierKeyOf(writeKey, atelierId)
    expect(parseLink(`#/rencontre/${readKey}.${atelierKey}`)).toEqual({
      ok: false,
      reason: 'invalid',
    })
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
    ['an atelier key alone', `#/atelier/.${writeKey}/a`],
    ['three keys', `#/atelier/${writeKey}.${writeKey}.${writeKey}/a`],
    ['a bad atelier key', `#/atelier/${writeKey}.abc/a`],
    ['an empty key', '#/projection/'],
  ])('rejects %s as invalid', (_name, fragment) => {
    expect(parseLink(fragment)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('gives the projection link read access to the same room as the write link', () => {
    const write = capabilityFromKey(writeKey, 'write')
    const read = capabilityFromKey(readKeyOf(writeKey), 'read')
    expect(read.roomId).toBe(write.roomId)
    expect(read).toEqual({ access: 'read', roomId: write.roomId, readKey: readKeyOf(writeKey) })
  })
})
