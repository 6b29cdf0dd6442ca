/**
 * Presence (awareness) ids at the relay, with raw awareness messages: an id belongs to the open
 * connection that first announced it in the room, until that connection leaves. Another
 * connection's entries for it are dropped (its own entries in the same message pass), counted
 * (`foreign_presence`) and logged once; the connection stays open. docs/protocol.md, section 3.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../src/sync/protocol'
import { awarenessFrame } from '../tests/helpers/frames'
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
  type TestClient,
} from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'

const teardown = new Teardown()
afterEach(() => teardown.run())

/** A meeting on a real relay, watched by a stock y-websocket client (as the app's). */
async function watchedMeeting() {
  const relay = await startRelay(teardown, await tempDir(teardown))
  const meeting = newMeeting()
  const watcher = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
  await synced(watcher)
  const writer = () => openRawSocket(teardown, relay.syncUrl, meeting.roomId, meeting.write)
  return { relay, meeting, watcher, writer }
}

/** What `client` sees of presence `id`: its state, or undefined once it is gone. */
function presenceSeenBy(client: TestClient, id: number): unknown {
  return client.provider.awareness.getStates().get(id)
}

describe('presence ids at the relay', () => {
  it('keeps a device’s presence its own: another writer can neither overwrite nor remove it', async () => {
    const { relay, watcher, writer } = await watchedMeeting()
    const owner = await writer()
    owner.send(awarenessFrame([{ id: 500, clock: 1, state: { who: 'owner' } }]))
    await waitFor(() => presenceSeenBy(watcher, 500) !== undefined, 'the owner’s presence')

    const intruder = await writer()
    // Its own entry in the same message passes; the foreign one does not.
    intruder.send(
      awarenessFrame([
        { id: 500, clock: 2, state: { who: 'intruder' } },
        { id: 600, clock: 1, state: { who: 'intruder' } },
      ]),
    )
    await waitFor(() => presenceSeenBy(watcher, 600) !== undefined, 'the intruder’s own presence')
    expect(presenceSeenBy(watcher, 500)).toEqual({ who: 'owner' })

    // Removing it, at its clock or a later one, fails the same way.
    intruder.send(awarenessFrame([{ id: 500, clock: 1, state: null }]))
    intruder.send(awarenessFrame([{ id: 500, clock: 9, state: null }]))
    intruder.send(awarenessFrame([{ id: 600, clock: 2, state: { who: 'intruder, later' } }]))
    await waitFor(
      () => (presenceSeenBy(watcher, 600) as { who?: string }).who === 'intruder, later',
      'the intruder’s later presence',
    )
    expect(presenceSeenBy(watcher, 500)).toEqual({ who: 'owner' })

    // Kept open, counted per message, logged once.
    await stillOpenAfter(intruder)
    expect((await refusalCounts(relay)).foreign_presence).toBe(3)
    const logged = relay.logger.entries.filter((entry) => entry.event === 'presence.foreign')
    expect(logged).toHaveLength(1)
    expect(logged[0]!.fields).toMatchObject({ access: 'write' })
  })

  it('frees and forgets a device’s ids when it leaves: at the same clock, it is present again', async () => {
    const { relay, meeting, watcher, writer } = await watchedMeeting()
    const device = await writer()
    device.send(awarenessFrame([{ id: 500, clock: 3, state: { who: 'device' } }]))
    await waitFor(() => presenceSeenBy(watcher, 500) !== undefined, 'the device’s presence')
    device.close()
    await waitFor(() => presenceSeenBy(watcher, 500) === undefined, 'its presence removed')

    // Another connection may take the id now. A stock client coming back repeats the clock the
    // relay last saw; and every id ever announced would otherwise stay in the relay's memory for
    // as long as the meeting is loaded.
    const back = await writer()
    back.send(awarenessFrame([{ id: 500, clock: 3, state: { who: 'back' } }]))
    await stillOpenAfter(back)
    const fresh = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await waitFor(
      () => (presenceSeenBy(fresh, 500) as { who?: string } | undefined)?.who === 'back',
      'a device joining now to see it',
    )
  })

  it('keeps nothing of the removal of a presence it does not hold', async () => {
    const { relay, meeting, writer } = await watchedMeeting()
    const socket = await writer()
    // Removals of ids nobody announced: each would leave its clock in the relay's memory.
    socket.send(
      awarenessFrame(
        Array.from({ length: 50 }, (_, i) => ({ id: 700 + i, clock: 9, state: null })),
      ),
    )
    socket.send(awarenessFrame([{ id: 700, clock: 1, state: { who: 'first announcement' } }]))
    await stillOpenAfter(socket)
    const fresh = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await waitFor(() => presenceSeenBy(fresh, 700) !== undefined, 'a device joining now to see it')
  })

  it('relays nothing of a message announcing more ids than a connection may own (4400)', async () => {
    const { watcher, writer } = await watchedMeeting()
    const seen = new Set<number>()
    watcher.provider.awareness.on('change', ({ added }: { added: number[] }) =>
      added.forEach((id) => seen.add(id)),
    )
    const many = await writer()
    const code = closeCode(many)
    many.send(
      awarenessFrame(Array.from({ length: 9 }, (_, i) => ({ id: 100 + i, clock: 1, state: {} }))),
    )
    expect(await code).toBe(CloseCode.badRequest)

    // Presence is relayed in order: once a later one arrives, the refused ones would have too.
    const later = await writer()
    later.send(awarenessFrame([{ id: 900, clock: 1, state: { who: 'later' } }]))
    await waitFor(() => seen.has(900), 'a later presence')
    expect([...seen].filter((id) => id >= 100 && id < 109)).toEqual([])
  })

  it('counts nothing for stock clients, which echo each other’s presence back', async () => {
    const { relay, meeting, watcher } = await watchedMeeting()
    const other = connectClient(teardown, relay.syncUrl, meeting.roomId, meeting.write)
    await synced(other)
    for (const name of ['Awa', 'Bintou', 'Chloé']) {
      watcher.provider.awareness.setLocalStateField('name', name)
      other.provider.awareness.setLocalStateField('name', `${name} bis`)
      await waitFor(
        () =>
          (presenceSeenBy(other, watcher.doc.clientID) as { name?: string } | undefined)?.name ===
            name &&
          (presenceSeenBy(watcher, other.doc.clientID) as { name?: string } | undefined)?.name ===
            `${name} bis`,
        'each to see the other’s presence',
      )
    }
    expect((await refusalCounts(relay)).foreign_presence).toBe(0)
  })
})
