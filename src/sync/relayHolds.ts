/**
 * What the relay is known to hold of a meeting, kept on the device (the meeting's own IndexedDB,
 * store `custom`, key `relayHolds`: see `localStore.ts`), so that "modifications en attente
 * d'envoi" survives a restart: after one, the session compares the document read from disk with
 * it, and says changes wait whenever the device holds something the relay was never known to.
 *
 * The y-websocket protocol has no acknowledgements. What counts as held by the relay is what the
 * document held while this device was synced with it on an open socket — the relay answered its
 * sync, and every update since went out on that socket (what a dropped socket loses, the next
 * sync sends again). It is the condition under which the app says "Synchronisé". The value is a
 * Yjs snapshot (state vector and delete set): an offline edit that only deletes (erasing words
 * of a note) moves no state vector, and must count too.
 */
import * as Y from 'yjs'

export const RELAY_HOLDS_KEY = 'relayHolds'

/** The document as it stands, to keep as what the relay holds once synced. */
export function relayHoldsNow(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc))
}

/**
 * Whether `doc` holds changes beyond `held` (a `relayHoldsNow` value read back from the device):
 * edits or deletions the relay was never known to have. Nothing known, or a value that does not
 * decode (device storage is untrusted too): any content at all counts as waiting.
 */
export function hasChangesBeyond(doc: Y.Doc, held: unknown): boolean {
  const empty = doc.store.clients.size === 0
  if (!(held instanceof Uint8Array)) return !empty
  let relay: Y.Snapshot
  try {
    relay = Y.decodeSnapshot(held)
  } catch {
    return !empty
  }
  // Only what is beyond the relay's state vector, and the whole delete set, to compare.
  const beyond = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(relay.sv))
  return !Y.snapshotContainsUpdate(relay, beyond)
}
