/**
 * Capability keys of a meeting. Whoever holds a key can open the meeting; nothing else can.
 *
 *   writeKey  32 random bytes                          → edit the meeting
 *   readKey   HMAC-SHA256(writeKey, "tandem:read:v1")   → read it only (projector)
 *   roomId    hex(SHA-256("tandem:room:v1" ‖ readKey))[0..32]  → the relay's name for it
 *   atelierKey HMAC-SHA256(writeKey, "tandem:atelier:v1:" ‖ atelierId) → write one atelier only
 *   keyCheck   hex(SHA-256("tandem:atelier-check:v1" ‖ atelierKey))   → stored in the atelier
 *
 * The derivation runs one way only, so a relay can check a key presented for a room without
 * storing any secret: a read key is valid if it hashes to the room, a write key if the read key
 * derived from it does. Pure JS (no WebCrypto) so it also works on a plain-HTTP LAN page, where
 * `crypto.subtle` does not exist, and synchronously in React renders.
 */
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { z } from 'zod'

/** Bytes in a key; base64url without padding makes it 43 characters. */
export const KEY_BYTES = 32
export const ROOM_ID_PATTERN = /^[0-9a-f]{32}$/

/**
 * 43 base64url characters; the last one carries only 4 bits of the key, so it is one of the 16
 * letters whose 2 spare bits are zero. Only this canonical spelling is accepted: two spellings
 * of one key would be one key with two names.
 */
export const keySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/, 'clé mal formée')
  .brand<'CapabilityKey'>()
export type CapabilityKey = z.infer<typeof keySchema>

export const roomIdSchema = z.string().regex(ROOM_ID_PATTERN, 'salle mal formée').brand<'RoomId'>()
export type RoomId = z.infer<typeof roomIdSchema>

/** `atelier`: read the meeting, write one atelier's part of it (the relay checks each update). */
export type Access = 'write' | 'read' | 'atelier'

const textEncoder = new TextEncoder()
const READ_LABEL = textEncoder.encode('tandem:read:v1')
const ROOM_LABEL = textEncoder.encode('tandem:room:v1')
const ATELIER_LABEL = 'tandem:atelier:v1:'
const KEY_CHECK_LABEL = textEncoder.encode('tandem:atelier-check:v1')

export function encodeKey(bytes: Uint8Array): CapabilityKey {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') as CapabilityKey
}

export function decodeKey(key: CapabilityKey): Uint8Array {
  const binary = atob(key.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

export function newWriteKey(): CapabilityKey {
  return encodeKey(crypto.getRandomValues(new Uint8Array(KEY_BYTES)))
}

export function readKeyOf(writeKey: CapabilityKey): CapabilityKey {
  return encodeKey(hmac(sha256, decodeKey(writeKey), READ_LABEL))
}

export function roomIdOf(readKey: CapabilityKey): RoomId {
  const digest = sha256(concat(ROOM_LABEL, decodeKey(readKey)))
  return toHex(digest.subarray(0, 16)) as RoomId
}

/** The key of one atelier: what its tablets write with. Derived only from the write key. */
export function atelierKeyOf(writeKey: CapabilityKey, atelierId: string): CapabilityKey {
  return encodeKey(hmac(sha256, decodeKey(writeKey), textEncoder.encode(ATELIER_LABEL + atelierId)))
}

/**
 * What the meeting document stores of an atelier key (`ateliers[<id>].keyCheck`), so the relay
 * can recognise the key without storing it: a hash of a 32-byte key opens nothing.
 */
export function atelierKeyCheck(atelierKey: CapabilityKey): string {
  return toHex(sha256(concat(KEY_CHECK_LABEL, decodeKey(atelierKey))))
}

/** `atelierKeyCheck(atelierKeyOf(writeKey, id))` for the ateliers of one meeting, each once. */
export function atelierKeyChecks(writeKey: CapabilityKey): (atelierId: string) => string {
  const checks = new Map<string, string>()
  return (atelierId) => {
    let check = checks.get(atelierId)
    if (check === undefined) {
      check = atelierKeyCheck(atelierKeyOf(writeKey, atelierId))
      checks.set(atelierId, check)
    }
    return check
  }
}

/** Everything a device derives from the key(s) it was given. */
export type Capability =
  | { access: 'write'; roomId: RoomId; readKey: CapabilityKey; writeKey: CapabilityKey }
  | { access: 'read'; roomId: RoomId; readKey: CapabilityKey }
  | {
      access: 'atelier'
      roomId: RoomId
      readKey: CapabilityKey
      atelier: { id: string; key: CapabilityKey }
    }

export type WriteCapability = Extract<Capability, { access: 'write' }>
export type ReadCapability = Extract<Capability, { access: 'read' }>
export type AtelierCapability = Extract<Capability, { access: 'atelier' }>

export function capabilityFromKey(key: CapabilityKey, access: 'write'): WriteCapability
export function capabilityFromKey(key: CapabilityKey, access: 'read'): ReadCapability
export function capabilityFromKey(key: CapabilityKey, access: 'write' | 'read'): Capability
export function capabilityFromKey(key: CapabilityKey, access: 'write' | 'read'): Capability {
  if (access === 'write') {
    const readKey = readKeyOf(key)
    return { access, roomId: roomIdOf(readKey), readKey, writeKey: key }
  }
  return { access, roomId: roomIdOf(key), readKey: key }
}

export function atelierCapability(
  readKey: CapabilityKey,
  atelierId: string,
  atelierKey: CapabilityKey,
): AtelierCapability {
  const atelier = { id: atelierId, key: atelierKey }
  return { access: 'atelier', roomId: roomIdOf(readKey), readKey, atelier }
}

/**
 * The relay's check: which access, if any, does `presentedKey` give to `roomId`?
 * Compares digests in constant time (`equal` must be constant-time; the relay passes
 * node's `timingSafeEqual`).
 */
export function accessFor(
  roomId: RoomId,
  presentedKey: string,
  equal: (a: Uint8Array, b: Uint8Array) => boolean,
): 'write' | 'read' | null {
  const parsed = keySchema.safeParse(presentedKey)
  if (!parsed.success) return null
  const expected = textEncoder.encode(roomId)
  const asRead = textEncoder.encode(roomIdOf(parsed.data))
  const asWrite = textEncoder.encode(roomIdOf(readKeyOf(parsed.data)))
  // Both are always computed so timing does not reveal which kind of key was presented.
  const readOk = equal(asRead, expected)
  const writeOk = equal(asWrite, expected)
  return writeOk ? 'write' : readOk ? 'read' : null
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
