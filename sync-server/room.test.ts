import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newWriteKey, capabilityFromKey } from '../src/links/capability'
import { FakeSocket } from '../tests/helpers/fakeSocket'
import { syncStep1Frame, syncUpdateFrame, textUpdate } from '../tests/helpers/frames'
import { Teardown, recordingLogger, tempDir } from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'
import { Metrics } from './metrics'
import { Room, type RoomLimits } from './room'
import type { OpenLogFile } from './roomLog'

const teardown = new Teardown()
afterEach(() => teardown.run())

const limits: RoomLimits = {
  maxDocumentBytes: 1024 * 1024,
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 1000,
  bytesPerSecond: 1024 * 1024,
  maxPresenceBytes: 1024,
  maxPresencesPerConnection: 8,
  maxBufferedBytes: 64 * 1024,
}

async function openRoom(openLogFile?: OpenLogFile) {
  const dir = await tempDir(teardown)
  const metrics = new Metrics()
  const room = new Room({
    id: capabilityFromKey(newWriteKey(), 'write').roomId,
    logFile: join(dir, 'room.log'),
    after: Promise.resolve(),
    compaction: { maxRecords: 1000, maxAppendedBytes: 1 << 20 },
    limits,
    logger: recordingLogger(),
    metrics,
    onEmpty: () => {},
    openLogFile,
  })
  teardown.add(() => room.close())
  await room.ready
  return { room, metrics }
}

/** A disk whose appends stay pending until the test lets them through. */
function heldDisk() {
  const held: Array<{ bytes: Buffer; release: () => void }> = []
  const openLogFile: OpenLogFile = async () => ({
    append: (bytes) => new Promise<void>((release) => held.push({ bytes, release })),
    sync: async () => {},
    close: async () => {},
  })
  return { held, openLogFile, releaseAll: () => held.splice(0).forEach((w) => w.release()) }
}

/** The Yjs update in a sync update frame the room sent, applied to a fresh document's text. */
function textIn(frames: Uint8Array[]): string[] {
  return frames
    .filter((frame) => frame[0] === 0 && frame[1] === 2)
    .map((frame) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoding.createDecoder(frame.subarray(2))))
      return doc.getText('t').toString()
    })
}

describe('Room', () => {
  it('relays the updates of one turn as one frame to a device that wrote none of them', async () => {
    const { room } = await openRoom()
    const [a, b, reader] = [new FakeSocket(), new FakeSocket(), new FakeSocket()]
    for (const socket of [a, b, reader]) room.attach(socket.asWebSocket, 'write')
    await waitFor(() => reader.sent.length > 0, 'the greeting')
    const greeted = [a, b, reader].map((socket) => socket.sent.length)

    // Both arrive before the relay's next turn, as on a busy relay.
    a.receive(syncUpdateFrame(textUpdate('from a')))
    b.receive(syncUpdateFrame(textUpdate('from b')))
    await waitFor(() => reader.sent.length > greeted[2]!, 'the relay to send')
    await new Promise((resolve) => setImmediate(resolve))

    const [toA, toB, toReader] = [a, b, reader].map((socket, i) => socket.sent.slice(greeted[i]))
    expect(toReader).toHaveLength(1)
    expect(textIn(toReader!)[0]).toMatch(/^(from afrom b|from bfrom a)$/)
    expect(textIn(toA!)).toEqual(['from b'])
    expect(textIn(toB!)).toEqual(['from a'])
  })

  it('relays an update to the other devices while its write to disk is still pending', async () => {
    const disk = heldDisk()
    const { room } = await openRoom(disk.openLogFile)
    teardown.add(disk.releaseAll) // before the room closes (teardown runs last added first)
    const writer = new FakeSocket()
    const reader = new FakeSocket()
    for (const socket of [writer, reader]) room.attach(socket.asWebSocket, 'write')
    await waitFor(() => reader.sent.length > 0, 'the greeting')

    const update = textUpdate('relayed before it is durable')
    writer.receive(syncUpdateFrame(update))
    await waitFor(() => disk.held.length === 1, 'the write on its way to the disk')
    // The reader has it although the disk has not said "durable" yet…
    expect(reader.sent.some((frame) => Buffer.from(frame).includes(Buffer.from(update)))).toBe(true)
    // …and the room knows it is not on disk: a flush waits for the disk.
    let flushed = false
    void room.flush().then(() => (flushed = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(flushed).toBe(false)
    disk.releaseAll()
    await room.flush()
    expect(flushed).toBe(true)
  })

  it('closes a client that does not read what it is sent with 1013, and keeps serving the others', async () => {
    const { room, metrics } = await openRoom()
    const writer = new FakeSocket()
    const stalled = new FakeSocket()
    const reader = new FakeSocket()
    for (const socket of [writer, stalled, reader]) room.attach(socket.asWebSocket, 'write')
    await waitFor(() => reader.sent.length > 0, 'the greeting')

    stalled.bufferedAmount = 60 * 1024 // its network stopped reading: the relay's buffer fills
    writer.receive(syncUpdateFrame(textUpdate('x'.repeat(8 * 1024))))
    await waitFor(() => stalled.closedWith !== null, 'the stalled client to be cut')
    // A close frame, queued after what it has not read yet (ws cuts it if it never reads it).
    expect(stalled.closedWith).toBe(1013)
    expect(reader.closedWith).toBeNull()
    expect(reader.sent.at(-1)!.length).toBeGreaterThan(8 * 1024)
    expect(metrics.refusals.get('slow_reader')).toBe(1)
    stalled.finishClose() // read at last, or cut by ws after its close timeout
    expect(room.connectionCount).toBe(2)
  })

  it('hands a refused client’s budget to its next connection even before the close handshake ends', async () => {
    const { room } = await openRoom()
    const first = new FakeSocket()
    room.attach(first.asWebSocket, 'write', '10.0.0.7')
    for (let i = 0; i < 11; i++) first.receive(syncStep1Frame())
    await waitFor(() => first.closedWith !== null, 'the first connection refused')
    expect(first.closedWith).toBe(4529)

    // Back at once, its old socket still closing: it has about no request for the whole document
    // left (one a second comes back), where a new budget would have ten.
    const again = new FakeSocket()
    room.attach(again.asWebSocket, 'write', '10.0.0.7')
    for (let i = 0; i < 5; i++) again.receive(syncStep1Frame())
    await waitFor(() => again.closedWith !== null, 'the next connection refused')
    expect(again.closedWith).toBe(4529)
    // From another address: a budget of its own.
    const other = new FakeSocket()
    room.attach(other.asWebSocket, 'write', '10.0.0.8')
    other.receive(syncStep1Frame())
    await waitFor(() => other.sent.some((f) => f[0] === 0 && f[1] === 1), 'the other answered')
    expect(other.closedWith).toBeNull()
  })
})
