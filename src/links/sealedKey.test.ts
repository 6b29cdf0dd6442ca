import { createDecipheriv, hkdfSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodeKey, newWriteKey } from './capability'
import { openSealedKey, sealedKeySchema, sealingKeyOf, sealKey, type SealedKey } from './sealedKey'

const roomA = 'a'.repeat(32)
const roomB = 'b'.repeat(32)

describe('sealed keys', () => {
  it('opens with the committee key and context it was sealed for, and holds no clear key', () => {
    const sealing = sealingKeyOf(newWriteKey())
    const key = newWriteKey()
    const sealed = sealKey(sealing, key, roomA)
    expect(sealedKeySchema.safeParse(sealed).success).toBe(true)
    expect(sealed).not.toContain(key)
    expect(openSealedKey(sealing, sealed, roomA)).toBe(key)
    // A fresh nonce each time: sealing twice gives two different strings.
    expect(sealKey(sealing, key, roomA)).not.toBe(sealed)
  })

  it('opens nothing under another committee, for another meeting, or altered', () => {
    const sealing = sealingKeyOf(newWriteKey())
    const sealed = sealKey(sealing, newWriteKey(), roomA)
    expect(openSealedKey(sealingKeyOf(newWriteKey()), sealed, roomA)).toBeNull()
    expect(openSealedKey(sealing, sealed, roomB)).toBeNull()
    const flipped = (sealed.slice(0, 20) +
      (sealed[20] === 'A' ? 'B' : 'A') +
      sealed.slice(21)) as SealedKey
    expect(openSealedKey(sealing, flipped, roomA)).toBeNull()
  })

  it('is the documented format: HKDF-SHA256 then AES-256-GCM, as Node’s own crypto reads it', () => {
    // Test vector for other implementations: committee key = 32 bytes of 0x07.
    const committee = encodeKey(new Uint8Array(32).fill(7))
    const sealing = sealingKeyOf(committee)
    expect(Buffer.from(sealing).toString('hex')).toBe(
      '2eeeb96c5ef85f26f0ac76b516e901399298d07d0b020c3d0be661e0e2ff4484',
    )
    const info = Buffer.from('tandem:seal:v1')
    expect(Buffer.from(hkdfSync('sha256', Buffer.alloc(32, 7), Buffer.alloc(0), info, 32))).toEqual(
      Buffer.from(sealing),
    )
    const key = newWriteKey()
    const bytes = Buffer.from(sealKey(sealing, key, roomA), 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', sealing, bytes.subarray(0, 12))
    decipher.setAAD(Buffer.from(`tandem:sealed-key:${roomA}`))
    decipher.setAuthTag(bytes.subarray(-16))
    const clear = Buffer.concat([decipher.update(bytes.subarray(12, -16)), decipher.final()])
    expect(encodeKey(clear)).toBe(key)
  })
})
