import { describe, expect, it } from 'vitest'
import {
  atelierKeyCheck,
  atelierKeyOf,
  capabilityFromKey,
  newWriteKey,
} from '../src/links/capability'
import { SUBPROTOCOL, protocolsFor } from '../src/sync/protocol'
import { admit } from './admission'

const writeKey = newWriteKey()
const { roomId, readKey } = capabilityFromKey(writeKey, 'write')
const path = `/sync/${roomId}`
const header = (protocols: string[]) => protocols.join(', ')

describe('admit', () => {
  it('gives write access to the write key and read access to the read key', () => {
    expect(admit(path, header(protocolsFor(writeKey)))).toEqual({
      ok: true,
      roomId,
      access: 'write',
    })
    expect(admit(path, header(protocolsFor(readKey)))).toEqual({ ok: true, roomId, access: 'read' })
  })

  it('gives an atelier grant to the read key with an atelier key, keeping only its hash', () => {
    const key = atelierKeyOf(writeKey, 'atelierA')
    expect(admit(path, header(protocolsFor(readKey, { id: 'atelierA', key })))).toEqual({
      ok: true,
      roomId,
      access: { atelierId: 'atelierA', keyCheck: atelierKeyCheck(key) },
    })
    // The write key needs no atelier key: an old atelier link keeps the whole meeting.
    expect(admit(path, header(protocolsFor(writeKey, { id: 'atelierA', key })))).toMatchObject({
      access: 'write',
    })
  })

  it('refuses a malformed atelier subprotocol, or one without a key of the room', () => {
    const key = atelierKeyOf(writeKey, 'atelierA')
    for (const atelier of [
      `atelier.atelierA`,
      `atelier.a.b.${key}`,
      `atelier.${'x'.repeat(33)}.${key}`,
      `atelier.atelierA.${key.slice(1)}`,
    ]) {
      expect(admit(path, header([SUBPROTOCOL, `key.${readKey}`, atelier]))).toEqual({
        ok: false,
        refusal: 'invalidKey',
      })
    }
    expect(admit(path, header([SUBPROTOCOL, `atelier.atelierA.${key}`]))).toEqual({
      ok: false,
      refusal: 'invalidKey',
    })
  })

  it('refuses a key of another room, a malformed key, or no key', () => {
    const otherKey = newWriteKey()
    for (const protocols of [protocolsFor(otherKey), [SUBPROTOCOL, 'key.nope'], [SUBPROTOCOL]]) {
      expect(admit(path, header(protocols))).toEqual({ ok: false, refusal: 'invalidKey' })
    }
  })

  it('refuses a malformed room name or a missing tandem.v1 subprotocol', () => {
    const protocols = header(protocolsFor(writeKey))
    for (const badPath of ['/sync/', '/sync/abc', `/sync/${roomId.toUpperCase()}`, `${path}/x`]) {
      expect(admit(badPath, protocols)).toEqual({ ok: false, refusal: 'badRoom' })
    }
    expect(admit(path, undefined)).toEqual({ ok: false, refusal: 'noSubprotocol' })
    expect(admit(path, `key.${writeKey}`)).toEqual({ ok: false, refusal: 'noSubprotocol' })
  })
})
