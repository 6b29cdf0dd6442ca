/**
 * The relay's central invariant, made checkable: after every accepted update, the room's log
 * reloads to exactly the document the room holds, and that document is what every device
 * received. Devices here are `FakeSocket`s attached to a `Room` (no network), each applying what
 * the room sends it to its own Yjs document.
 *
 *   const observer = new Replica(room, 'read')
 *   … writers send updates …
 *   await expectInvariant(room, file, [observer])
 */
import { readFile } from 'node:fs/promises'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { readSyncMessage } from 'y-protocols/sync'
import * as Y from 'yjs'
import { expect } from 'vitest'
import type { Grant } from '../../sync-server/admission'
import type { Room } from '../../sync-server/room'
import { decodeRecords } from '../../sync-server/roomLog'
import { checkUpdate, orderHoldsInCopy } from '../../sync-server/updateCheck'
import { FakeSocket } from './fakeSocket'
import { syncStep1Frame } from './frames'
import { waitFor } from './waitFor'

/** A device: what the room sent it, applied to its document in order. */
export class Replica {
  readonly doc = new Y.Doc()
  readonly socket = new FakeSocket()
  #applied = 0

  constructor(room: Room, access: Grant) {
    room.attach(this.socket.asWebSocket, access)
  }

  /** Applies the messages received since the last call. */
  catchUp(): Y.Doc {
    for (; this.#applied < this.socket.sent.length; this.#applied++) {
      const decoder = decoding.createDecoder(this.socket.sent[this.#applied]!)
      if (decoding.readVarUint(decoder) !== 0) continue // presence
      readSyncMessage(decoder, encoding.createEncoder(), this.doc, 'relay')
    }
    return this.doc
  }
}

/** What a device connecting now gets: the answer to its sync step 1. */
export async function freshCopy(room: Room): Promise<Y.Doc> {
  const device = new Replica(room, 'read')
  device.socket.receive(syncStep1Frame())
  await new Promise((resolve) => setImmediate(resolve)) // handled once the room is ready
  await waitFor(() => device.socket.sent.length > 0, 'the answer to a sync step 1')
  device.catchUp()
  device.socket.finishClose()
  return device.doc
}

/** What a relay restarted on `file` loads: every record must pass the room's own check. */
export async function reloaded(file: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const { updates } = decodeRecords(await readFile(file).catch(() => new Uint8Array()))
  for (const update of updates) {
    const check = checkUpdate(doc, update)
    expect(check).toMatchObject({ ok: true })
    if (check.ok && !check.orderChecked) expect(orderHoldsInCopy(doc, update)).toBe(true)
    Y.applyUpdate(doc, update)
  }
  return doc
}

/**
 * The content of a document, independent of its history: every root's live (not deleted)
 * list and map entries, nested types dumped in place. Two documents a user would see as the same
 * give the same value; empty roots are left out.
 */
export function contentOf(doc: Y.Doc): unknown {
  const dumpType = (type: Y.AbstractType<any>): unknown => {
    const list: unknown[] = []
    for (let item = type._start; item; item = item.right)
      if (!item.deleted) list.push(...dumpContent(item))
    const map: Record<string, unknown> = {}
    for (const [key, item] of [...type._map].sort(([a], [b]) => (a < b ? -1 : 1)))
      if (!item.deleted) map[key] = dumpContent(item)
    return { list, map }
  }
  const dumpContent = (item: Y.Item): unknown[] =>
    item.content instanceof Y.ContentType
      ? [dumpType(item.content.type)]
      : item.content.getContent()
  const roots: Record<string, unknown> = {}
  for (const [name, type] of [...doc.share].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const dumped = dumpType(type) as { list: unknown[]; map: object }
    if (dumped.list.length > 0 || Object.keys(dumped.map).length > 0) roots[name] = dumped
  }
  return roots
}

/** Content and state vector: equal for two replicas that hold the same document. */
export function fingerprint(doc: Y.Doc): { content: unknown; stateVector: number[] } {
  return { content: contentOf(doc), stateVector: [...Y.encodeStateVector(doc)] }
}

/**
 * The invariant: the log reloads to the room's document, which every replica holds. Also checks
 * that nothing is pending in any of them (a pending struct is a half-applied update).
 */
export async function expectInvariant(room: Room, file: string, replicas: Replica[]) {
  // Messages received are handled once the room is ready (a microtask): let them through first.
  await new Promise((resolve) => setImmediate(resolve))
  await room.flush()
  const memory = await freshCopy(room)
  expect(memory.store.pendingStructs, 'nothing pending in the room').toBeNull()
  expect(memory.store.pendingDs, 'nothing pending in the room').toBeNull()
  const expected = fingerprint(memory)
  expect(fingerprint(await reloaded(file)), 'the log reloads to the document in memory').toEqual(
    expected,
  )
  for (const replica of replicas) {
    const doc = replica.catchUp()
    expect(fingerprint(doc), 'every device holds the document in memory').toEqual(expected)
    expect(doc.store.pendingStructs).toBeNull()
    expect(doc.store.pendingDs).toBeNull()
  }
  return memory
}
