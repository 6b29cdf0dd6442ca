/**
 * Keys kept inside a shared document, sealed so that the document's copies — the relay's room
 * files and their backups above all — never hold them in clear. The committee document lists its
 * meetings with their write keys; each is sealed under a key derived from the committee's own
 * write key, which the relay checks but never stores (`capability.ts`). So whoever holds the
 * relay's disk holds sealed keys that open nothing; whoever holds the committee link can open
 * them all, as before.
 *
 *   sealingKey = HKDF-SHA256(ikm = committee writeKey, salt = none, info = "tandem:seal:v1"), 32 bytes
 *   sealed     = base64url(nonce ‖ AES-256-GCM(sealingKey, nonce, key bytes, aad = context))
 *
 * `nonce` is 12 random bytes; `context` (the meeting's room id) is authenticated, so a sealed key
 * moved to another meeting's entry fails to open instead of opening the wrong meeting.
 *
 * AES-GCM from `@noble/ciphers` rather than WebCrypto: `crypto.subtle` is missing on a
 * plain-HTTP LAN page, where Tandem must still work, and one synchronous code path everywhere
 * is simpler to test than two (about 4 KB gzip, audited, same author as `@noble/hashes`).
 */
import { gcm } from '@noble/ciphers/aes.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { z } from 'zod'
import { decodeKey, encodeKey, KEY_BYTES, keySchema, type CapabilityKey } from './capability'

const SEAL_INFO = new TextEncoder().encode('tandem:seal:v1')
const NONCE_BYTES = 12
const TAG_BYTES = 16

/** The sealing key of a committee; derive once per committee, not per key. */
export type SealingKey = Uint8Array & { readonly __sealingKey: unique symbol }

export function sealingKeyOf(committeeWriteKey: CapabilityKey): SealingKey {
  return hkdf(sha256, decodeKey(committeeWriteKey), undefined, SEAL_INFO, 32) as SealingKey
}

/** A sealed key as stored: nonce, ciphertext and tag of a 32-byte key, base64url (80 chars). */
export const sealedKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{80}$/, 'clé scellée mal formée')
  .brand<'SealedKey'>()
export type SealedKey = z.infer<typeof sealedKeySchema>

export function sealKey(sealing: SealingKey, key: CapabilityKey, context: string): SealedKey {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES))
  const sealed = gcm(sealing, nonce, aad(context)).encrypt(decodeKey(key))
  const out = new Uint8Array(NONCE_BYTES + sealed.length)
  out.set(nonce, 0)
  out.set(sealed, NONCE_BYTES)
  return encodeKey(out) as string as SealedKey
}

/** The key sealed for `context`, or null if it was sealed under another key, context, or altered. */
export function openSealedKey(
  sealing: SealingKey,
  sealed: SealedKey,
  context: string,
): CapabilityKey | null {
  const bytes = decodeKey(sealed as string as CapabilityKey)
  if (bytes.length !== NONCE_BYTES + KEY_BYTES + TAG_BYTES) return null
  try {
    const key = gcm(sealing, bytes.subarray(0, NONCE_BYTES), aad(context)).decrypt(
      bytes.subarray(NONCE_BYTES),
    )
    const parsed = keySchema.safeParse(encodeKey(key))
    return parsed.success ? parsed.data : null
  } catch {
    // The tag did not verify: another committee's key, another entry, or altered bytes.
    return null
  }
}

const aad = (context: string) => new TextEncoder().encode(`tandem:sealed-key:${context}`)
