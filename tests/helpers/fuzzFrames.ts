/**
 * Hostile frames for fuzzing the relay: random bytes, every message type with truncated or
 * overlong payloads, broken and huge varints, wrong message and sync types, text frames, frames
 * over the size limit — and valid frames (updates, presences, state requests), whole or mutated
 * (bits flipped, cut, spliced), because a frame the parser accepts reaches Yjs and the disk, which
 * is where a crash would hurt — and updates that decode cleanly but no Yjs client writes
 * (`hostileUpdates.ts`), which is where a relay trusting Yjs stored what it could not reload.
 * All from a seeded generator: a failing run replays exactly.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import {
  awarenessFrame,
  queryAwarenessFrame,
  syncStep1Frame,
  syncStep2Frame,
  syncUpdateFrame,
} from './frames'
import { FIRST_HOSTILE_CLIENT, hostileUpdate } from './hostileUpdates'
import type { Random } from './random'

function varUint(value: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, value)
  return encoding.toUint8Array(encoder)
}

const concat = (...parts: ArrayLike<number>[]) =>
  Uint8Array.from(parts.flatMap((p) => Array.from(p)))

function randomBytes(random: Random, max: number): Uint8Array {
  const bytes = new Uint8Array(random.int(max + 1))
  for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(256)
  return bytes
}

export interface FramePools {
  /** Valid frames: real Yjs updates of several kinds, presences, state requests. */
  valid: Uint8Array[]
  /** Sync updates carrying structurally hostile Yjs updates, referring to the valid ones. */
  hostile: Uint8Array[]
}

/** Frames made once, to be picked from, whole or mutated. */
export function framePools(random: Random): FramePools {
  const valid: Uint8Array[] = [queryAwarenessFrame, Uint8Array.of(1, 1, 0)]
  const updates: Uint8Array[] = []
  const doc = new Y.Doc()
  doc.clientID = 1 + random.int(FIRST_HOSTILE_CLIENT - 1) // seeded, so a run replays
  doc.on('update', (update: Uint8Array) => {
    updates.push(update)
    valid.push(syncUpdateFrame(update))
  })
  for (let i = 0; i < 120; i++) {
    const text = doc.getText('t')
    const choice = random.int(5)
    if (choice === 0) text.insert(random.int(text.length + 1), 'é'.repeat(1 + random.int(20)))
    else if (choice === 1 && text.length > 0) text.delete(random.int(text.length), 1)
    else if (choice === 2)
      doc.getMap('m').set(`k${random.int(10)}`, { n: random.int(1000), s: 'x' })
    else if (choice === 3) doc.getArray('a').insert(0, [random.int(100), null, 'y'])
    else doc.getMap('meta').set('title', new Y.Text('nested'))
  }
  // A state request with a state vector naming clients the relay never saw.
  const other = new Y.Doc()
  other.getText('t').insert(0, 'x')
  valid.push(syncStep1Frame(Y.encodeStateVector(other)), syncStep1Frame())
  // Step 2 carrying a whole document.
  valid.push(syncStep2Frame(Y.encodeStateAsUpdate(doc)))
  for (let clock = 1; clock <= 5; clock++)
    valid.push(awarenessFrame([{ id: 4242, clock, state: { role: 'reporter', n: clock } }]))
  const hostile = Array.from({ length: 300 }, () =>
    syncUpdateFrame(hostileUpdate(random, doc, updates)),
  )
  return { valid, hostile }
}

export type FuzzFrame = Uint8Array | string

/** One hostile frame, at most `maxMessageBytes` long (the relay's limit). */
export function fuzzFrame(
  random: Random,
  { valid: pool, hostile }: FramePools,
  maxMessageBytes: number,
): FuzzFrame {
  const valid = () => random.pick(pool)
  switch (random.int(18)) {
    case 14:
    case 15: // an update that decodes but no Yjs client writes
      return random.pick(hostile)
    case 0:
    case 1:
      return randomBytes(random, 48)
    case 2: // a known message type, then garbage
      return concat([random.pick([0, 1, 3])], randomBytes(random, 32))
    case 3: // a sync message of an unknown or wrong sync type
      return concat([0, random.pick([3, 4, 127, 255])], randomBytes(random, 16))
    case 4: // a varint that never ends
      return concat([random.pick([0, 1])], new Uint8Array(1 + random.int(12)).fill(0xff))
    case 5: // a huge announced length, a few bytes of payload
      return concat([0, random.int(3)], varUint(2 ** (20 + random.int(32))), randomBytes(random, 8))
    case 6: // an awareness update announcing millions of clients
      return concat([1], varUint(6), varUint(2 ** 30), [1, 1, 0x7b])
    case 7: // message types y-websocket never sends to a server
      return concat([random.pick([2, 4, 5, 100, 255])], randomBytes(random, 8))
    case 8: {
      // a valid frame, cut short
      const frame = valid()
      return frame.subarray(0, random.int(frame.length))
    }
    case 9: {
      // a valid frame with bits flipped
      const frame = Uint8Array.from(valid())
      for (let i = 0, n = 1 + random.int(3); i < n && frame.length > 0; i++)
        frame[random.int(frame.length)]! ^= 1 << random.int(8)
      return frame
    }
    case 10: // a valid frame with bytes after it
      return concat(valid(), randomBytes(random, 8))
    case 11: {
      // two valid frames spliced
      const a = valid()
      const b = valid()
      return concat(a.subarray(0, random.int(a.length)), b.subarray(random.int(b.length)))
    }
    case 12:
      return random.chance(0.5) ? '{"type":"sync"}' : 'hello relay'
    case 13: // empty, or as large as the relay allows
      return random.chance(0.9) ? new Uint8Array(0) : randomBytes(random, maxMessageBytes)
    default: // valid as is
      return valid()
  }
}

/**
 * A frame one byte over the relay's limit. The relay stops reading that connection at once
 * (close 1009), so senders put it last.
 */
export const oversizedFrame = (maxMessageBytes: number) => new Uint8Array(maxMessageBytes + 1)
