import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  accessFor,
  atelierKeyCheck,
  atelierKeyOf,
  capabilityFromKey,
  decodeKey,
  encodeKey,
  keySchema,
  newWriteKey,
  readKeyOf,
  roomIdOf,
  type CapabilityKey,
} from './capability'

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && timingSafeEqual(a, b)

describe('capability keys', () => {
  it('accepts only the canonical spelling of a key', () => {
    const key = encodeKey(new Uint8Array(32).fill(7))
    const lastBits = 'AEIMQUYcgkosw048'
    const sameBytes =
      key.slice(0, -1) +
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[
        'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(key.at(-1)!) + 1
      ]
    expect(lastBits).toContain(key.at(-1))
    expect(decodeKey(sameBytes as CapabilityKey)).toEqual(decodeKey(key))
    expect(keySchema.safeParse(key).success).toBe(true)
    expect(keySchema.safeParse(sameBytes).success).toBe(false)
  })

  it('encodes 32 random bytes as 43 base64url characters and back', () => {
    const key = newWriteKey()
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(encodeKey(decodeKey(key))).toBe(key)
    expect(newWriteKey()).not.toBe(key)
  })

  it('derives a stable read key and room id (known vector)', () => {
    const writeKey = encodeKey(new Uint8Array(32).fill(7))
    const readKey = readKeyOf(writeKey)
    expect(readKey).toBe(readKeyOf(writeKey))
    expect(readKey).not.toBe(writeKey)
    expect(roomIdOf(readKey)).toMatch(/^[0-9a-f]{32}$/)
    // Recomputed with node:crypto, an independent implementation of the documented derivation;
    // a change of derivation would orphan every stored meeting.
    const nodeReadKey = createHmac('sha256', Buffer.alloc(32, 7)).update('tandem:read:v1').digest()
    const nodeRoom = createHash('sha256')
      .update(Buffer.concat([Buffer.from('tandem:room:v1'), nodeReadKey]))
      .digest('hex')
      .slice(0, 32)
    expect(decodeKey(readKey)).toEqual(new Uint8Array(nodeReadKey))
    expect(roomIdOf(readKey)).toBe(nodeRoom)
    expect(nodeRoom).toBe('aba3868f3f67a5e57a9b83b12759ec0a')
  })

  it('derives an atelier key and its check (known vector, docs/protocol.md)', () => {
    const writeKey = encodeKey(new Uint8Array(32).fill(7))
    const atelierKey = atelierKeyOf(writeKey, 'atelier1')
    const nodeKey = createHmac('sha256', Buffer.alloc(32, 7))
      .update('tandem:atelier:v1:atelier1')
      .digest()
    const nodeCheck = createHash('sha256')
      .update(Buffer.concat([Buffer.from('tandem:atelier-check:v1'), nodeKey]))
      .digest('hex')
    expect(decodeKey(atelierKey)).toEqual(new Uint8Array(nodeKey))
    expect(atelierKeyCheck(atelierKey)).toBe(nodeCheck)
    expect(atelierKey).toBe('Cr3Z1zL-XIpzwsrLFDU0SM_JCMbC7Z3GwCkI9o4JZdg')
    expect(nodeCheck).toBe('fc40409b679b73987ddeebde829cb6e5686792e826e1aa1ebe5812472e39e4ce')
    // One key per atelier, none of them the read key or a key of the room.
    const { roomId, readKey } = capabilityFromKey(writeKey, 'write')
    expect(atelierKeyOf(writeKey, 'atelier2')).not.toBe(atelierKey)
    expect(atelierKey).not.toBe(readKey)
    expect(accessFor(roomId, atelierKey, equal)).toBeNull()
  })

  it('lets a relay tell write, read and foreign keys apart without any secret', () => {
    const { roomId, readKey, writeKey } = capabilityFromKey(newWriteKey(), 'write')
    expect(accessFor(roomId, writeKey!, equal)).toBe('write')
    expect(accessFor(roomId, readKey, equal)).toBe('read')
    expect(accessFor(roomId, newWriteKey(), equal)).toBeNull()
    expect(accessFor(roomId, '', equal)).toBeNull()
    expect(accessFor(roomId, 'not a key at all', equal)).toBeNull()
    const flipped = writeKey![10] === 'A' ? 'B' : 'A'
    const altered = `${writeKey!.slice(0, 10)}${flipped}${writeKey!.slice(11)}` as CapabilityKey
    expect(accessFor(roomId, altered, equal)).toBeNull()
  })
})
