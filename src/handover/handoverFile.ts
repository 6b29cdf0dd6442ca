/**
 * Hand-over files: a meeting's whole Yjs state in one file, for when no network path exists
 * between two devices (see docs/protocol.md, section 5). The file holds the meeting document and
 * nothing else: no key, no device data.
 *
 *   "TANDEM1\n"                  8 bytes, magic (the digit is the container layout)
 *   header length                u32, big-endian
 *   header                       UTF-8 JSON, see `handoverHeaderSchema`
 *   payload                      gzip(Y.encodeStateAsUpdate(doc))
 *
 * Decoding never trusts the file: sizes are checked before reading or inflating, the payload
 * against its SHA-256, and every refusal is a reason the UI turns into one French sentence.
 * SHA-256 comes from @noble/hashes, like the capability keys, because `crypto.subtle` does not
 * exist on a plain-HTTP LAN page, where hand-over matters most.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { z } from 'zod'
import { roomIdSchema, type RoomId } from '../links/capability'
import { atelierIdSchema } from '../links/links'

const HANDOVER_FORMAT = 'tandem-handover'
const HANDOVER_VERSION = 1

const MAGIC = new TextEncoder().encode('TANDEM1\n')
/** The part of the magic that says "a Tandem file"; the rest is the layout version. */
const MAGIC_FAMILY = MAGIC.subarray(0, 6)
const PREAMBLE_BYTES = MAGIC.length + 4

export const HANDOVER_LIMITS = {
  /** Largest file accepted, checked before reading it: a 100-proposal evening is a few kB. */
  fileBytes: 20 * 1024 * 1024,
  /** A real header is about 250 bytes; a larger one is garbage, not worth parsing. */
  headerBytes: 4 * 1024,
  /** Largest inflated update, enforced while inflating, so a small "zip bomb" cannot fill memory. */
  updateBytes: 64 * 1024 * 1024,
} as const

const handoverHeaderSchema = z.object({
  format: z.literal(HANDOVER_FORMAT),
  version: z.literal(HANDOVER_VERSION),
  roomId: roomIdSchema,
  /** The atelier whose tablet made the file; null when exported from the coordinator's screen. */
  atelierId: atelierIdSchema.nullable(),
  /** When the file was made (ms since epoch), as the exporting device's clock says. */
  createdAt: z.number().int().nonnegative(),
  payloadLength: z.number().int().nonnegative(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type HandoverHeader = z.infer<typeof handoverHeaderSchema>

/** Why a file is refused; the UI has one French sentence for each. */
export type HandoverRefusal =
  | 'empty'
  | 'tooLarge'
  | 'unreadableFile'
  | 'notHandover'
  | 'unsupportedVersion'
  | 'truncated'
  | 'corrupt'
  | 'otherMeeting'
  | 'notCompressed'
  | 'undecodable'

export type DecodedHandover =
  { ok: true; header: HandoverHeader; update: Uint8Array } | { ok: false; reason: HandoverRefusal }

export interface HandoverSource {
  roomId: RoomId
  atelierId: string | null
  createdAt: number
}

/** Compresses a Yjs update and wraps it in a hand-over file. */
export async function encodeHandover(
  update: Uint8Array,
  source: HandoverSource,
): Promise<Uint8Array<ArrayBuffer>> {
  const payload = await gzip(update)
  // Parsed, not just typed: this device never writes a file that another would refuse.
  const header = handoverHeaderSchema.parse({
    format: HANDOVER_FORMAT,
    version: HANDOVER_VERSION,
    ...source,
    payloadLength: payload.length,
    payloadSha256: bytesToHex(sha256(payload)),
  })
  return assembleHandover(header, payload)
}

/**
 * Lays out magic, header and payload. Exported for tests, which build damaged files with it;
 * `encodeHandover` is the way to make a real one.
 */
export function assembleHandover(header: object, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const headerBytes = new TextEncoder().encode(JSON.stringify(header))
  const out = new Uint8Array(PREAMBLE_BYTES + headerBytes.length + payload.length)
  out.set(MAGIC, 0)
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length)
  out.set(headerBytes, PREAMBLE_BYTES)
  out.set(payload, PREAMBLE_BYTES + headerBytes.length)
  return out
}

/**
 * Reads a hand-over file meant for the meeting `roomId` and returns its inflated Yjs update, or
 * why it is refused. The update is not yet known to be valid Yjs: `importHandover` checks that.
 */
export async function decodeHandover(file: Blob, roomId: RoomId): Promise<DecodedHandover> {
  if (file.size === 0) return refuse('empty')
  if (file.size > HANDOVER_LIMITS.fileBytes) return refuse('tooLarge')
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    // The file went away while reading (a USB stick pulled out, a cloud file not downloaded).
    return refuse('unreadableFile')
  }

  const magicProblem = checkMagic(bytes)
  if (magicProblem) return refuse(magicProblem)
  if (bytes.length < PREAMBLE_BYTES) return refuse('truncated')
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length)
  if (headerLength > HANDOVER_LIMITS.headerBytes) return refuse('corrupt')
  const payloadStart = PREAMBLE_BYTES + headerLength
  if (bytes.length < payloadStart) return refuse('truncated')

  const header = parseHeader(bytes.subarray(PREAMBLE_BYTES, payloadStart))
  if (!header.ok) return header
  // Before looking at the payload: a file of another meeting is refused as such, even damaged.
  if (header.header.roomId !== roomId) return refuse('otherMeeting')

  const payload = bytes.subarray(payloadStart)
  if (payload.length < header.header.payloadLength) return refuse('truncated')
  if (payload.length > header.header.payloadLength) return refuse('corrupt')
  if (bytesToHex(sha256(payload)) !== header.header.payloadSha256) return refuse('corrupt')

  const update = await gunzip(payload, HANDOVER_LIMITS.updateBytes)
  if (update === 'tooLarge') return refuse('tooLarge')
  if (update === 'invalid') return refuse('notCompressed')
  return { ok: true, header: header.header, update }
}

function refuse(reason: HandoverRefusal): { ok: false; reason: HandoverRefusal } {
  return { ok: false, reason }
}

/** A file shorter than the magic but matching it so far was cut off, not of another kind. */
function checkMagic(bytes: Uint8Array): HandoverRefusal | null {
  const seen = bytes.subarray(0, MAGIC.length)
  const matchesSoFar = (expected: Uint8Array) =>
    seen.subarray(0, expected.length).every((byte, index) => byte === expected[index])
  if (!matchesSoFar(MAGIC_FAMILY)) return 'notHandover'
  if (!matchesSoFar(MAGIC)) return 'unsupportedVersion'
  return seen.length < MAGIC.length ? 'truncated' : null
}

const envelopeSchema = z.object({ format: z.unknown(), version: z.unknown() })

function parseHeader(
  bytes: Uint8Array,
): { ok: true; header: HandoverHeader } | { ok: false; reason: HandoverRefusal } {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return refuse('corrupt')
  }
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) return refuse('corrupt')
  if (envelope.data.format !== HANDOVER_FORMAT) return refuse('notHandover')
  if (envelope.data.version !== HANDOVER_VERSION) return refuse('unsupportedVersion')
  const header = handoverHeaderSchema.safeParse(json)
  return header.success ? { ok: true, header: header.data } : refuse('corrupt')
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  // `slice` copies into a plain ArrayBuffer, the only kind a Blob takes.
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** Inflates chunk by chunk and gives up as soon as the output passes `limit`. */
async function gunzip(
  bytes: Uint8Array<ArrayBuffer>,
  limit: number,
): Promise<Uint8Array | 'tooLarge' | 'invalid'> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.length
      if (total > limit) {
        await reader.cancel()
        return 'tooLarge'
      }
      chunks.push(value)
    }
  } catch {
    return 'invalid'
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
