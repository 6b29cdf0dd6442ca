import { gunzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createMeeting } from '../doc/meetingDoc'
import { capabilityFromKey, newWriteKey } from '../links/capability'
import {
  decodeHandover,
  encodeHandover,
  HANDOVER_LIMITS,
  type HandoverSource,
} from './handoverFile'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'

const capability = capabilityFromKey(newWriteKey(), 'write')
const source: HandoverSource = {
  roomId: capability.roomId,
  atelierId: 'abcDEF123_-x',
  createdAt: Date.UTC(2026, 11, 3, 19, 15),
}

function meetingUpdate(): Uint8Array {
  const doc = new Y.Doc()
  createMeeting(doc, { title: 'Accès aux droits', date: '2026-12-03', atelierNames: ['Santé'] })
  return Y.encodeStateAsUpdate(doc)
}

/** Splits a file into its documented parts, read independently of the decoder. */
function parts(file: Uint8Array) {
  const headerLength = Buffer.from(file).readUInt32BE(8)
  return {
    magic: new TextDecoder().decode(file.subarray(0, 8)),
    header: JSON.parse(new TextDecoder().decode(file.subarray(12, 12 + headerLength))),
    payload: file.subarray(12 + headerLength),
  }
}

describe('hand-over file', () => {
  it('is laid out as documented: magic, header length, JSON header, gzip payload', async () => {
    const update = meetingUpdate()
    const file = await encodeHandover(update, source)
    const { magic, header, payload } = parts(file)
    expect(magic).toBe('TANDEM1\n')
    expect(header).toEqual({
      format: 'tandem-handover',
      version: 1,
      ...source,
      payloadLength: payload.length,
      payloadSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    // Standard gzip: node's zlib, an independent implementation, inflates it.
    expect(new Uint8Array(gunzipSync(payload))).toEqual(update)
  })

  it('never carries a key of the meeting', async () => {
    const file = await encodeHandover(meetingUpdate(), source)
    const text = new TextDecoder('latin1').decode(file)
    expect(text).not.toContain(capability.writeKey)
    expect(text).not.toContain(capability.readKey)
  })

  it('decodes what it encodes', async () => {
    const update = meetingUpdate()
    const file = await encodeHandover(update, { ...source, atelierId: null })
    const decoded = await decodeHandover(new Blob([file]), source.roomId)
    expect(decoded).toEqual({
      ok: true,
      header: expect.objectContaining({ roomId: source.roomId, atelierId: null }),
      update,
    })
  })

  it('refuses to write a header another device would refuse', async () => {
    await expect(encodeHandover(meetingUpdate(), { ...source, atelierId: 'a/b' })).rejects.toThrow()
  })

  it('refuses an oversized file without reading it', async () => {
    let read = false
    class Huge extends Blob {
      override get size() {
        return HANDOVER_LIMITS.fileBytes + 1
      }
      override arrayBuffer(): Promise<ArrayBuffer> {
        read = true
        return super.arrayBuffer()
      }
    }
    expect(await decodeHandover(new Huge([]), source.roomId)).toEqual({
      ok: false,
      reason: 'tooLarge',
    })
    expect(read).toBe(false)
  })

  it('refuses a file that cannot be read to the end', async () => {
    class Vanishing extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new DOMException('gone', 'NotReadableError'))
      }
    }
    expect(await decodeHandover(new Vanishing(['TANDEM1\n']), source.roomId)).toEqual({
      ok: false,
      reason: 'unreadableFile',
    })
  })

  it('refuses every strict prefix of a file as truncated', async () => {
    const file = await encodeHandover(meetingUpdate(), source)
    for (let length = 1; length < file.length; length += 1) {
      const decoded = await decodeHandover(new Blob([file.slice(0, length)]), source.roomId)
      expect(decoded, `prefix of ${length} bytes`).toEqual({ ok: false, reason: 'truncated' })
    }
  })

  it(
    'refuses a file with any byte of its payload changed as corrupt',
    async () => {
      const file = await encodeHandover(meetingUpdate(), source)
      const payloadStart = file.length - parts(file).payload.length
      await checkProperty(
        fc.asyncProperty(
          fc.integer({ min: payloadStart, max: file.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          async (index, flip) => {
            const damaged = file.slice()
            damaged[index]! ^= flip
            const decoded = await decodeHandover(new Blob([damaged]), source.roomId)
            expect(decoded).toEqual({ ok: false, reason: 'corrupt' })
          },
        ),
        100,
      )
    },
    PROPERTY_TEST_TIMEOUT,
  )

  it(
    'never lets a changed byte alter the meeting it carries',
    async () => {
      const update = meetingUpdate()
      const file = await encodeHandover(update, source)
      await checkProperty(
        fc.asyncProperty(
          fc.integer({ min: 0, max: file.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          async (index, flip) => {
            const damaged = file.slice()
            damaged[index]! ^= flip
            const decoded = await decodeHandover(new Blob([damaged]), source.roomId)
            // The header is not checksummed: a changed digit of `createdAt` still decodes. What
            // must hold is that the meeting itself is either refused or exactly what was sent.
            if (decoded.ok) expect(decoded.update).toEqual(update)
          },
        ),
        200,
      )
    },
    PROPERTY_TEST_TIMEOUT,
  )
})
