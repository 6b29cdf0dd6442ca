/**
 * y-websocket frames built by hand, for tests that speak to the relay as no real client would:
 * floods, oversized presences, malformed and random bytes. `sync-server/messages.ts` documents
 * the format: `[varUint type][payload]`.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** "Send me everyone's presence": one byte, valid, answered by the relay. */
export const queryAwarenessFrame = Uint8Array.of(3)

/** Sync step 1: "here is my state vector, send me what I lack". */
export function syncStep1Frame(stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())) {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint8Array(encoder, stateVector)
  })
}

/** Sync step 2: a device's answer to the relay's step 1, usually its whole document. */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, 0) // messageSync
    encoding.writeVarUint(encoder, 1) // step 2
    encoding.writeVarUint8Array(encoder, update)
  })
}

/** A sync update message carrying `update`. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, 0) // messageSync
    encoding.writeVarUint(encoder, 2) // update
    encoding.writeVarUint8Array(encoder, update)
  })
}

/** An awareness update announcing `clients` (id → JSON state). */
export function awarenessFrame(clients: Array<{ id: number; clock: number; state: unknown }>) {
  const update = frame((encoder) => {
    encoding.writeVarUint(encoder, clients.length)
    for (const { id, clock, state } of clients) {
      encoding.writeVarUint(encoder, id)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, JSON.stringify(state))
    }
  })
  return frame((encoder) => {
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, update)
  })
}

/** An update inserting `text` into a fresh document's `t` text, as a new client would. */
export function textUpdate(text: string, doc = new Y.Doc()): Uint8Array {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array) => (update = u)
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', capture)
  return update!
}
