import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { newWriteKey } from '../src/links/capability'
import { CloseCode, SUBPROTOCOL, protocolsFor } from '../src/sync/protocol'
import {
  closeCode,
  connectClient,
  newMeeting,
  openRawSocket,
  startRelay,
  synced,
  Teardown,
  tempDir,
  typeAtEnd,
  type TestClient,
} from '../tests/helpers/relay'
import { syncStep1Frame } from '../tests/helpers/frames'
import { waitFor } from '../tests/helpers/waitFor'
import { encodeRecord } from './roomLog'

const teardown = new Teardown()
afterEach(() => teardown.run())

async function health(
  httpUrl: string,
): Promise<{ ok: boolean; rooms: number; connections: number }> {
  return (await fetch(`${httpUrl}/healthz`)).json()
}

async function fileSize(file: string): Promise<number> {
  return (await stat(file).catch(() => null))?.size ?? 0
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // messageSync
  encoding.writeVarUint(encoder, 2) // update
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

describe('relay with y-websocket clients', () => {
  it('converges the edits of two writers, both ways', async () => {
    const { syncUrl } = await startRelay(teardown, await tempDir(teardown))
    const meeting = newMeeting()
    const a = connectClient(teardown, syncUrl, meeting.roomId, meeting.write)
    const b = connectClient(teardown, syncUrl, meeting.roomId, meeting.write)
    await synced(a)
    await synced(b)

    typeAtEnd(a, 'from a;')
    await waitFor(() => b.text() === 'from a;', "b to receive a's edit")
    typeAtEnd(b, 'from b;')
    await waitFor(() => a.text() === 'from a;from b;', "a to receive b's edit")
  })

  it('relays presence, and clears it as soon as a device drops', async () => {
    const { syncUrl } = await startRelay(teardown, await tempDir(teardown))
    const meeting = newMeeting()
    const a = connectClient(teardown, syncUrl, meeting.roomId, meeting.write)
    const b = connectClient(teardown, syncUrl, meeting.roomId, meeting.write)
    await synced(a)
    await synced(b)

    a.provider.awareness.setLocalStateField('name', 'Awa')
    const seenByB = () => b.provider.awareness.getStates().get(a.doc.clientID)
    await waitFor(() => seenByB()?.name === 'Awa', "b to see a's presence")

    // Cut without a goodbye, as a tablet leaving the Wi-Fi: the relay must tell b itself.
    a.provider.shouldConnect = false
    ;(a.provider.ws as unknown as WebSocket).terminate()
    await waitFor(() => seenByB() === undefined, "b to see a's presence removed", 2000)
  })

  it('keeps everything across restarts, and syncs what a connected device typed meanwhile', async () => {
    const dir = await tempDir(teardown)
    // Tiny compaction limits, so that restarts also read logs rewritten by compaction.
    const tuning = { compaction: { maxRecords: 3, maxAppendedBytes: 1 << 20 } }
    const first = await startRelay(teardown, dir, { tuning })
    const meeting = newMeeting()
    const a = connectClient(teardown, first.syncUrl, meeting.roomId, meeting.write)
    await synced(a)
    for (const word of ['un ', 'deux ', 'trois ', 'quatre ', 'cinq ']) typeAtEnd(a, word)
    const b = connectClient(teardown, first.syncUrl, meeting.roomId, meeting.write)
    await waitFor(() => b.text() === 'un deux trois quatre cinq ', 'b to receive the edits')

    await first.stop()
    await waitFor(() => !a.provider.wsconnected, 'a to notice the relay is gone')
    typeAtEnd(a, 'six') // typed while the relay is down

    const second = await startRelay(teardown, dir, { tuning, config: { port: first.port } })
    const fresh = connectClient(teardown, second.syncUrl, meeting.roomId, meeting.write)
    await waitFor(
      () => fresh.text() === 'un deux trois quatre cinq six',
      "a's offline edit to reach a fresh device through the restarted relay",
    )

    await second.stop()
    const third = await startRelay(teardown, dir, { tuning })
    const later = connectClient(teardown, third.syncUrl, meeting.roomId, meeting.write)
    await synced(later)
    expect(later.text()).toBe('un deux trois quatre cinq six')
  })

  it('refuses for good a wrong key, a missing key and the key of another room (4401)', async () => {
    const { syncUrl, logger } = await startRelay(teardown, await tempDir(teardown))
    const meeting = newMeeting()
    const other = newMeeting()
    const wrongKey = newWriteKey()
    const attempts = [
      protocolsFor(wrongKey),
      [SUBPROTOCOL],
      other.write,
      other.read,
      [SUBPROTOCOL, 'key.too-short'],
    ]
    const clients = attempts.map((protocols) =>
      connectClient(teardown, syncUrl, meeting.roomId, protocols),
    )
    await waitFor(
      () => clients.every((client) => client.closed !== null),
      'every client to be refused',
    )
    for (const client of clients) {
      expect(client.closed?.code).toBe(CloseCode.invalidKey)
      expect(client.provider.shouldConnect).toBe(false)
      expect(client.provider.synced).toBe(false)
    }
    const log = logger.lines.join('\n')
    for (const key of [wrongKey, other.writeKey, other.readKey]) expect(log).not.toContain(key)
  })

  it('refuses a bad room name or a missing subprotocol (4400)', async () => {
    const { syncUrl } = await startRelay(teardown, await tempDir(teardown))
    const meeting = newMeeting()
    const clients = [
      connectClient(teardown, syncUrl, 'not-a-room', meeting.write),
      connectClient(teardown, syncUrl, meeting.roomId.toUpperCase(), meeting.write),
      connectClient(teardown, syncUrl, `${meeting.roomId}/extra`, meeting.write),
      connectClient(teardown, syncUrl, meeting.roomId, []),
    ]
    await waitFor(
      () => clients.every((client) => client.closed !== null),
      'every client to be refused',
    )
    for (const client of clients) expect(client.closed?.code).toBe(CloseCode.badRequest)
  })

  it('lets a read key follow the meeting but never change it, live or on disk', async () => {
    const dir = await tempDir(teardown)
    const relay = await startRelay(teardown, dir)
    const meeting = newMeeting()
    const writer = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(writer)
    typeAtEnd(writer, 'ordre du jour;')
    // Once a reader and then the writer got the answer to a fresh sync step 1, the relay has
    // handled all the reader sent before, and the writer got whatever the relay relayed of it.
    const handled = async (reader: TestClient) => {
      await answeredStep1(reader)
      await answeredStep1(writer)
    }

    const projector = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.read)
    await waitFor(() => projector.text() === 'ordre du jour;', 'the projector to get the document')
    typeAtEnd(writer, 'point 1;')
    await waitFor(
      () => projector.text() === 'ordre du jour;point 1;',
      'the projector to get live updates',
    )
    typeAtEnd(projector, 'TYPED;')
    projector.provider.awareness.setLocalStateField('role', 'projector')
    await handled(projector)
    expect(writer.text()).toBe('ordre du jour;point 1;')
    // Nor may a read key announce a presence in the meeting.
    expect(writer.provider.awareness.getStates().has(projector.doc.clientID)).toBe(false)

    // A reader that already holds content must not upload it when it syncs.
    const stale = new Y.Doc()
    stale.getText('t').insert(0, 'STALE;')
    const latecomer = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.read, stale)
    await synced(latecomer) // by now it has answered the relay's step 1, if it was sent one
    await handled(latecomer)
    expect(writer.text()).toBe('ordre du jour;point 1;')

    await relay.stop()
    const restarted = await startRelay(teardown, dir)
    const fresh = connectClient(teardown, restarted.syncUrl, meeting.roomId, meeting.write)
    await synced(fresh)
    expect(fresh.text()).toBe('ordre du jour;point 1;')
  })

  it('closes a connection that sends a malformed frame, stores none of it, and serves the others', async () => {
    const dir = await tempDir(teardown)
    const relay = await startRelay(teardown, dir)
    const meeting = newMeeting()
    const writer = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(writer)
    typeAtEnd(writer, 'ok;')
    const logFile = join(dir, 'rooms', `${meeting.roomId}.log`)
    await waitFor(async () => (await fileSize(logFile)) > 0, 'the edit to be on disk')

    // Whole structs followed by a cut delete set: `Y.applyUpdate` would insert "EVIL", then throw.
    const evil = new Y.Doc()
    evil.getText('t').insert(0, 'EVIL')
    const evilUpdate = Y.encodeStateAsUpdate(evil)
    const frames: Record<string, Uint8Array | string> = {
      'random bytes': Buffer.from('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c', 'hex'),
      'a truncated sync message': Uint8Array.of(0, 2, 50, 1, 2, 3),
      'a garbage update in a valid envelope': syncUpdateFrame(evilUpdate.subarray(0, -1)),
      'a text frame': 'hello',
    }
    for (const [what, frame] of Object.entries(frames)) {
      const socket = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
      const code = closeCode(socket)
      socket.send(frame)
      expect(await code, what).toBe(CloseCode.badRequest)
    }

    typeAtEnd(writer, 'still;')
    const other = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await waitFor(() => other.text() === 'ok;still;', 'the room to keep working')
    expect(writer.text()).toBe('ok;still;')
    await relay.stop()
    expect((await readFile(logFile)).includes('EVIL')).toBe(false)
  })

  it('keeps the last edit a device sent just before closing its connection', async () => {
    const dir = await tempDir(teardown)
    const relay = await startRelay(teardown, dir)
    const meeting = newMeeting()
    const socket = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'dernier mot')
    // The update and the close frame leave together, as when a tablet closes the tab.
    socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc)))
    socket.close()
    await closeCode(socket)
    const later = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(later)
    expect(later.text()).toBe('dernier mot')
  })

  it('refuses an oversized message with 1009 and keeps running', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { maxMessageBytes: 64 * 1024 },
    })
    const meeting = newMeeting()
    const socket = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const code = closeCode(socket)
    socket.send(new Uint8Array(100 * 1024))
    expect(await code).toBe(1009)

    const a = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const b = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(a)
    typeAtEnd(a, 'encore là')
    await waitFor(() => b.text() === 'encore là', 'the relay to keep relaying')
  })

  it('loads the room before it answers the first device after a restart', async () => {
    const dir = await tempDir(teardown)
    const meeting = newMeeting()
    // A long uncompacted log, slow enough to load that an answer sent before it would be empty.
    const source = new Y.Doc()
    const records: Buffer[] = []
    source.on('update', (update: Uint8Array) => records.push(encodeRecord(update)))
    for (let i = 0; i < 3000; i++) source.getText('t').insert(i, 'x')
    await mkdir(join(dir, 'rooms'))
    await writeFile(join(dir, 'rooms', `${meeting.roomId}.log`), Buffer.concat(records))

    const relay = await startRelay(teardown, dir)
    const client = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const textWhenSynced = await new Promise<string>((resolve) => {
      client.provider.once('sync', () => resolve(client.text()))
    })
    expect(textWhenSynced).toHaveLength(3000)
  })

  it('keeps a quiet connection alive and cuts one that stopped answering', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      tuning: { keepaliveMs: 50, deadAfterMs: 1000 },
    })
    const meeting = newMeeting()
    const quiet = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const received: string[] = []
    quiet.on('message', (data: Buffer) => received.push(data.toString('hex')))
    await waitFor(() => received.includes('010100'), 'an empty awareness update as keepalive')

    const dead = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write, {
      autoPong: false,
    })
    expect(await closeCode(dead)).toBe(1006) // terminated, no close frame
    expect(quiet.readyState).toBe(WebSocket.OPEN)
  })

  it('unloads a room after its last device left, and reloads it intact', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { roomIdleMs: 50 },
    })
    const meeting = newMeeting()
    const a = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(a)
    typeAtEnd(a, 'gardé;')
    expect(await health(relay.httpUrl)).toEqual({ ok: true, rooms: 1, connections: 1 })
    a.provider.disconnect()
    await waitFor(async () => (await health(relay.httpUrl)).rooms === 0, 'the room to be unloaded')

    const b = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(b)
    expect(b.text()).toBe('gardé;')
  })
})

/** Sends a sync step 1 on the client's socket and waits for the relay's step 2 in reply. */
async function answeredStep1(client: TestClient): Promise<void> {
  const socket = client.provider.ws!
  await new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer)
      // [0 = sync][1 = step 2]
      if (bytes[0] === 0 && bytes[1] === 1) {
        socket.removeEventListener('message', onMessage)
        resolve()
      }
    }
    socket.addEventListener('message', onMessage)
    socket.send(syncStep1Frame() as Uint8Array<ArrayBuffer>)
  })
}
