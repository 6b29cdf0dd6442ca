/**
 * The y-websocket wire format, as the unmodified `WebsocketProvider` speaks it:
 * `[varUint messageType][payload]`.
 *
 *   0 sync            y-protocols sync message: step 1 (a state vector), step 2 or update (a Yjs update)
 *   1 awareness       an awareness update (presence; never stored)
 *   3 query awareness no payload: "send me everyone's presence"
 *
 * `parseMessage` is strict and total: an unknown type, a truncated payload or trailing bytes all
 * throw, so a bad frame is refused before it touches a document. A Yjs update is only framed
 * here: `updateCheck.ts` looks into it, once, before anything decodes it.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import {
  messageYjsSyncStep1,
  messageYjsSyncStep2,
  messageYjsUpdate,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from 'y-protocols/sync'
import * as Y from 'yjs'

// Message types of y-websocket (its client module is not imported on the server).
const messageSync = 0
const messageAwareness = 1
const messageQueryAwareness = 3

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2' | 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }

/** One client's entry in an awareness update: its id, clock and state (JSON; `null` removes it). */
export interface PresenceEntry {
  client: number
  clock: number
  json: string
  removes: boolean
}

export function parseMessage(bytes: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(bytes)
  const message = readMessage(decoder)
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
  return message
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder)
  if (type === messageQueryAwareness) return { type: 'queryAwareness' }
  if (type === messageAwareness) {
    const update = decoding.readVarUint8Array(decoder)
    readPresence(update)
    return { type: 'awareness', update }
  }
  if (type !== messageSync) throw new Error('unknown message type')
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (syncType === messageYjsSyncStep1) {
    Y.decodeStateVector(payload)
    return { type: 'syncStep1', stateVector: payload }
  }
  if (syncType !== messageYjsSyncStep2 && syncType !== messageYjsUpdate) {
    throw new Error('unknown sync message type')
  }
  return { type: syncType === messageYjsSyncStep2 ? 'syncStep2' : 'update', update: payload }
}

/**
 * Reads an awareness update the way `applyAwarenessUpdate` will, so that it cannot fail later.
 * The entries are kept only when asked for: a message is checked before its size is, and one of
 * megabytes holds millions of them.
 */
function readPresence(update: Uint8Array, visit: (entry: PresenceEntry) => void = () => {}): void {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const json = decoding.readVarString(decoder)
    visit({ client, clock, json, removes: JSON.parse(json) === null })
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update')
}

/** The entries of an awareness update that `parseMessage` accepted. */
export function presenceEntries(update: Uint8Array): PresenceEntry[] {
  const entries: PresenceEntry[] = []
  readPresence(update, (entry) => entries.push(entry))
  return entries
}

/** An awareness update of these entries, as `encodeAwarenessUpdate` writes one. */
export function encodePresenceEntries(entries: readonly PresenceEntry[]): Uint8Array {
  return encode((encoder) => {
    encoding.writeVarUint(encoder, entries.length)
    for (const { client, clock, json } of entries) {
      encoding.writeVarUint(encoder, client)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, json)
    }
  })
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encode((encoder) => {
    encoding.writeVarUint(encoder, messageSync)
    writeSyncStep1(encoder, doc)
  })
}

/** The part of `doc` that a peer with `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return encode((encoder) => {
    encoding.writeVarUint(encoder, messageSync)
    writeSyncStep2(encoder, doc, stateVector)
  })
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encode((encoder) => {
    encoding.writeVarUint(encoder, messageSync)
    writeUpdate(encoder, update)
  })
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return encode((encoder) => {
    encoding.writeVarUint(encoder, messageAwareness)
    encoding.writeVarUint8Array(encoder, update)
  })
}

/**
 * An awareness update that lists no clients: valid, changes nothing, and resets the client's
 * "no message for 30 s" watchdog when the room is otherwise quiet.
 */
export const keepaliveMessage = encodeAwareness(Uint8Array.of(0))
