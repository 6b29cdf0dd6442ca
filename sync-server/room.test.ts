import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newWriteKey, capabilityFromKey } from '../src/links/capability'
import { FakeSocket } from '../tests/helpers/fakeSocket'
import { syncUpdateFrame, textUpdate } from '../tests/helpers/frames'
import { Teardown, recordingLogger, tempDir } from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'
import { Metrics } from './metrics'
import { Room, type RoomLimits } from './room'

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

async function openRoom() {
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
  })
  teardown.add(() => room.close())
  await room.ready
  return { room, metrics }
}

describe('Room', () => {
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
})
