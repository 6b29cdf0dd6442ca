/**
 * Each limit of the relay, crossed on purpose by one client: that client is closed with the code
 * of `refusals.ts` (permanent 44xx: the stock client stops; transient 45xx: it comes back), the
 * others in the room keep syncing, and `/metrics` counts the refusal.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../src/sync/protocol'
import {
  awarenessFrame,
  queryAwarenessFrame,
  syncStep1Frame,
  syncStep2Frame,
  syncUpdateFrame,
  textUpdate,
} from '../tests/helpers/frames'
import {
  closeCode,
  connectClient,
  newMeeting,
  openRawSocket,
  refusalCounts,
  startRelay,
  stillOpenAfter,
  synced,
  Teardown,
  tempDir,
  typeAtEnd,
} from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'

const teardown = new Teardown()
afterEach(() => teardown.run())

describe('relay limits', () => {
  it('refuses a change that would make the document too large (4413, for good), keeps the others', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { maxDocumentBytes: 64 * 1024, maxMessageBytes: 256 * 1024 },
    })
    const meeting = newMeeting()
    const a = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const b = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(a)
    await synced(b)
    typeAtEnd(a, 'x'.repeat(40_000))
    await waitFor(() => b.text().length === 40_000, 'b to receive the first 40 kB')

    typeAtEnd(a, 'y'.repeat(40_000))
    await waitFor(() => a.closed !== null, 'a to be refused')
    expect(a.closed?.code).toBe(CloseCode.documentTooLarge)
    expect(a.provider.shouldConnect).toBe(false)

    // The others carry on, and the refused change was neither relayed nor stored.
    typeAtEnd(b, ';encore')
    const c = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await waitFor(() => c.text().endsWith(';encore'), 'a new device to get the document')
    expect(c.text()).toBe('x'.repeat(40_000) + ';encore')
    expect(b.closeCodes).toEqual([])

    // A device resending the whole document it shares with the relay (as after a relay crash)
    // adds almost nothing: it is measured by what it adds, not by its size.
    const socket = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(c.doc)))
    await stillOpenAfter(socket)
    expect((await refusalCounts(relay)).document_too_large).toBe(1)
  })

  it('refuses a new meeting when MAX_ROOMS are in use (4507, retried), unloading an idle one first', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { maxRooms: 2, roomIdleMs: 60_000 },
    })
    const [m1, m2, m3] = [newMeeting(), newMeeting(), newMeeting()]
    const a1 = connectClient(teardown, relay.syncUrl, m1!.roomId, m1!.write)
    const a2 = connectClient(teardown, relay.syncUrl, m2!.roomId, m2!.write)
    await synced(a1)
    await synced(a2)
    typeAtEnd(a1, 'salle un;')

    const a3 = connectClient(teardown, relay.syncUrl, m3!.roomId, m3!.write)
    await waitFor(() => a3.closeCodes.includes(CloseCode.relayFull), 'the third meeting refused')
    expect(a3.closed).toBeNull() // transient: the client keeps trying

    // Room 1 empties: it is written and unloaded to make space, and the retry gets in.
    a1.provider.disconnect()
    await synced(a3)
    expect(relay.relay.stats().rooms).toBe(2)

    // Room 1 comes back intact once there is space again.
    a3.provider.disconnect()
    const b1 = connectClient(teardown, relay.syncUrl, m1!.roomId, m1!.write)
    await waitFor(() => b1.text() === 'salle un;', 'room 1 to reload intact')
    expect((await refusalCounts(relay)).relay_full).toBeGreaterThanOrEqual(1)
  })

  it('refuses one connection too many in a meeting (4503, retried) until a place frees', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { maxConnectionsPerRoom: 2 },
    })
    const meeting = newMeeting()
    const a = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const b = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(a)
    await synced(b)
    typeAtEnd(a, 'complet;')
    const c = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await waitFor(() => c.closeCodes.includes(CloseCode.roomFull), 'the third device refused')
    expect(c.closed).toBeNull()
    a.provider.disconnect()
    await waitFor(() => c.text() === 'complet;', 'the third device to get in once a place frees')
    expect(b.closeCodes).toEqual([])
  })

  it('closes a connection sending too many messages (4529, retried), not its neighbours', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { messagesPerSecond: 5 },
    })
    const meeting = newMeeting()
    const good = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const peer = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(good)
    await synced(peer)

    const flood = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const code = closeCode(flood)
    for (let i = 0; i < 100; i++) flood.send(queryAwarenessFrame)
    expect(await code).toBe(CloseCode.rateLimited)

    typeAtEnd(good, 'calme;')
    await waitFor(() => peer.text() === 'calme;', 'the peer to keep receiving')
    expect(good.closeCodes).toEqual([])
    expect((await refusalCounts(relay)).rate_limited).toBe(1)
  })

  it('closes a connection sending too many bytes per second (4529)', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { bytesPerSecond: 1024, maxMessageBytes: 4096 },
    })
    const meeting = newMeeting()
    const socket = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const code = closeCode(socket)
    for (let clock = 1; clock <= 10; clock++)
      socket.send(awarenessFrame([{ id: 7, clock, state: { pad: 'x'.repeat(990) } }]))
    expect(await code).toBe(CloseCode.rateLimited)
  })

  it('closes a connection asking for the whole document over and over (4529)', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown))
    const meeting = newMeeting()
    const socket = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const code = closeCode(socket)
    for (let i = 0; i < 30; i++) socket.send(syncStep1Frame())
    expect(await code).toBe(CloseCode.rateLimited)
  })

  it('gives a connection refused for its rate no fresh allowance when it reconnects at once (4529)', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown))
    const meeting = newMeeting()
    const first = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const firstCode = closeCode(first)
    for (let i = 0; i < 11; i++) first.send(syncStep1Frame())
    expect(await firstCode).toBe(CloseCode.rateLimited)

    // A fresh connection could ask for the whole document ten times at once; this one comes
    // from the same address with the same key a moment later: it gets what the first one left
    // (a token a second), not a new burst.
    const again = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    for (let i = 0; i < 10; i++) again.send(syncStep1Frame())
    await expect(stillOpenAfter(again)).rejects.toThrow(`closed with ${CloseCode.rateLimited}`)

    // Another meeting, or another key, is another allowance.
    const other = newMeeting()
    const elsewhere = await openRawSocket(teardown, relay.syncUrl, other.roomId, other.write)
    const reader = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.read)
    for (const socket of [elsewhere, reader]) {
      for (let i = 0; i < 10; i++) socket.send(syncStep1Frame())
      await stillOpenAfter(socket)
    }
  })

  it('never refuses thirty tablets behind one address coming back after Wi-Fi cuts', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown))
    const meeting = newMeeting()
    // Old-style atelier links are the write key: every device has the same key and address.
    const devices = Array.from({ length: 30 }, () =>
      connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write),
    )
    const allSynced = () => Promise.all(devices.map(synced))
    await allSynced()
    for (let cut = 1; cut <= 3; cut++) {
      for (const device of devices) (device.provider.ws as unknown as WebSocket).terminate()
      await waitFor(() => devices.every((d) => !d.provider.synced), 'every device cut off')
      devices.forEach((device, i) => typeAtEnd(device, `${cut}.${i};`))
      await allSynced()
    }
    await waitFor(
      () => devices.every((device) => device.text() === devices[0]!.text()),
      'every device to hold every edit',
    )
    expect(devices[0]!.text().split(';').length - 1).toBe(90)
    for (const device of devices) expect(device.closeCodes.filter((c) => c !== 1006)).toEqual([])
    expect((await refusalCounts(relay)).rate_limited).toBe(0)
  })

  it('refuses an oversized presence, and a connection announcing many presences (4400)', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown))
    const meeting = newMeeting()
    const big = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const bigCode = closeCode(big)
    big.send(awarenessFrame([{ id: 1, clock: 1, state: { pad: 'x'.repeat(70_000) } }]))
    expect(await bigCode).toBe(CloseCode.badRequest)

    const many = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const manyCode = closeCode(many)
    many.send(
      awarenessFrame(Array.from({ length: 9 }, (_, i) => ({ id: 100 + i, clock: 1, state: {} }))),
    )
    expect(await manyCode).toBe(CloseCode.badRequest)
    expect((await refusalCounts(relay)).bad_presence).toBe(2)

    // One presence, updated many times, is what a real tab does: fine.
    const one = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    for (let clock = 1; clock <= 20; clock++)
      one.send(awarenessFrame([{ id: 42, clock, state: { role: 'reporter' } }]))
    await stillOpenAfter(one)
  })

  it('takes back a whole meeting larger than MAX_MESSAGE_BYTES from a device, once per connection (issue 15, problem 6)', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { maxMessageBytes: 16 * 1024, maxDocumentBytes: 1024 * 1024 },
    })
    const meeting = newMeeting()
    // A device that holds a meeting the relay lost: it sends it whole, as its sync step 2.
    const holder = new Y.Doc()
    holder.getText('t').insert(0, 'x'.repeat(100_000))
    const device = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write, holder)
    await synced(device)
    const fresh = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await waitFor(() => fresh.text().length === 100_000, 'a fresh device to get the whole meeting')
    expect(device.closeCodes).toEqual([])

    // An ordinary message that large is still refused, and so is a second whole document.
    const update = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const updateCode = closeCode(update)
    update.send(syncUpdateFrame(textUpdate('y'.repeat(20_000))))
    expect(await updateCode).toBe(CloseCode.messageTooBig)
    const twice = await openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    const twiceCode = closeCode(twice)
    const whole = syncStep2Frame(Y.encodeStateAsUpdate(holder))
    twice.send(whole)
    twice.send(whole)
    expect(await twiceCode).toBe(CloseCode.messageTooBig)
    expect((await refusalCounts(relay)).message_too_big).toBe(2)
  })

  it('closes a client that does not offer tandem.v1 with 4400, which stops it (not a failed handshake it retries)', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown))
    const meeting = newMeeting()
    const key = meeting.write.find((protocol) => protocol.startsWith('key.'))!
    const socket = new WebSocket(`${relay.syncUrl}/${meeting.roomId}`, [key])
    teardown.add(() => socket.terminate())
    socket.on('error', () => {})
    expect(await closeCode(socket)).toBe(CloseCode.badRequest)
  })
})
