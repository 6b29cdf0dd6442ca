import { describe, expect, it } from 'vitest'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
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
