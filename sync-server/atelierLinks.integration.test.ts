/**
 * Atelier links at the relay, with raw updates written byte by byte (`rawUpdates.ts`): what a
 * tablet holding an atelier link could send, whatever the app does. An atelier key writes its
 * atelier and nothing else; the connection stays open; a wrong key is a reader; an old link (the
 * write key) still writes everything. docs/protocol.md, section 1.
 */
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { ensureKeyChecks, KEY_CHECK_FIELD } from '../src/doc/ateliers'
import { readAttendance } from '../src/doc/attendance'
import {
  ateliersOf,
  devicesOf,
  notesOf,
  plenaryOf,
  proposalsOf,
  scriptOf,
  votesOf,
} from '../src/doc/layout'
import { recordPresence } from '../src/doc/devices'
import { createMeeting } from '../src/doc/meetingDoc'
import { addProposal } from '../src/doc/proposals'
import { TIME_MAX } from '../src/doc/untrusted'
import {
  atelierKeyCheck,
  atelierKeyOf,
  capabilityFromKey,
  newWriteKey,
} from '../src/links/capability'
import { protocolsFor } from '../src/sync/protocol'
import { awarenessFrame, syncStep1Frame, syncUpdateFrame } from '../tests/helpers/frames'
import { item, rawUpdate, type Content, type Ref, type Struct } from '../tests/helpers/rawUpdates'
import {
  connectClient,
  openRawSocket,
  refusalCounts,
  startRelay,
  tempDir,
  Teardown,
  type TestRelay,
} from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'

const teardown = new Teardown()
afterEach(() => teardown.run())

/** A meeting on a real relay, prepared by its coordinator: ateliers A and B, a proposal each. */
async function meetingOnRelay() {
  const relay = await startRelay(teardown, await tempDir(teardown))
  const writeKey = newWriteKey()
  const { roomId, readKey } = capabilityFromKey(writeKey, 'write')
  const coordinator = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
  await waitFor(() => coordinator.provider.synced, 'the coordinator in sync')
  const doc = coordinator.doc
  const [a, b] = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A', 'B'] })
  ensureKeyChecks(doc, (id) => atelierKeyCheck(atelierKeyOf(writeKey, id)))
  const pa = addProposal(doc, { atelierId: a!, text: 'A1', authorRole: 'reporter' })
  const pb = addProposal(doc, { atelierId: b!, text: 'B1', authorRole: 'reporter' })
  const tabletOf = (atelierId: string, key = atelierKeyOf(writeKey, atelierId)) =>
    openRawSocket(teardown, relay.syncUrl, roomId, protocolsFor(readKey, { id: atelierId, key }))
  const hasPresence = (id: number) => coordinator.provider.awareness.getStates().has(id)
  // What the relay holds, as a projector follows it: polling with a new connection each time
  // would be refused for its rate (each asks for the whole document, from one address and key).
  const onRelay = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(readKey)).doc
  const meeting = {
    relay,
    roomId,
    writeKey,
    readKey,
    doc,
    a: a!,
    b: b!,
    pa,
    pb,
    tabletOf,
    hasPresence,
    onRelay,
  }
  // Everything the coordinator wrote is on the relay before any tablet speaks.
  await waitFor(
    () =>
      proposalsOf(onRelay).size === 2 && ateliersOf(onRelay).get(a!)?.has(KEY_CHECK_FIELD) === true,
    'the meeting on the relay',
  )
  return meeting
}

/** The relay's document, as a device connecting now receives it. */
async function relayDocument(relay: TestRelay, roomId: string, readKey: string): Promise<Y.Doc> {
  const socket = await openRawSocket(teardown, relay.syncUrl, roomId, protocolsFor(readKey))
  const doc = await documentVia(socket)
  socket.close()
  return doc
}

/**
 * Asks for the whole document on `socket` and returns it. A connection's messages are handled
 * in order, so the answer shows the fate of every update sent on it before.
 */
function documentVia(socket: WebSocket): Promise<Y.Doc> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 1) return
      socket.off('message', onMessage)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
      resolve(doc)
    }
    socket.on('message', onMessage)
    socket.send(syncStep1Frame())
  })
}

let nextClient = 1_000_000
/** One raw update of a fresh client: its structs from clock 0, as one transaction would. */
function structsUpdate(structs: (first: Ref) => Struct[]): Uint8Array {
  const client = nextClient++
  return rawUpdate([{ client, clock: 0, structs: structs({ client, clock: 0 }) }])
}

/** Sets `key` of a map as Yjs does: after the value there, if any, which it replaces. */
function setIn(parent: string | Y.Map<unknown>, doc: Y.Doc, key: string, content: Content) {
  const type = typeof parent === 'string' ? doc.getMap(parent) : parent
  const current = type._map.get(key)
  return structsUpdate(() => [
    current
      ? {
          origin: { client: current.id.client, clock: current.id.clock + current.length - 1 },
          content,
        }
      : item(typeof parent === 'string' ? parent : refOf(parent), content, key),
  ])
}

function refOf(type: Y.Map<unknown> | Y.Text): Ref {
  return { client: type._item!.id.client, clock: type._item!.id.clock }
}

/** The first note of the atelier, by key (the same in every copy of the document). */
function noteOf(doc: Y.Doc, atelierId: string): Y.Text {
  const key = [...notesOf(doc).keys()].filter((k) => k.startsWith(`${atelierId}|`)).sort()[0]!
  return notesOf(doc).get(key)!
}

function typeInto(note: Y.Text, text: string): Uint8Array {
  return structsUpdate(() => [item(refOf(note), { string: text })])
}

function newProposal(id: string, atelierId: string, text: string): Uint8Array {
  return structsUpdate((map) => [
    item('proposals', { type: 'map' }, id),
    item(map, { any: [atelierId] }, 'atelierId'),
    item(map, { any: [text] }, 'text'),
    item(map, { any: [1] }, 'createdAt'),
    item(map, { any: ['reporter'] }, 'authorRole'),
    item(map, { any: [1] }, 'position'),
  ])
}

describe('an atelier link at the relay', () => {
  it('writes its notes, proposals, attendance and presence', async () => {
    const { doc, a, pa, tabletOf, hasPresence } = await meetingOnRelay()
    const tablet = await tabletOf(a)
    tablet.send(syncUpdateFrame(typeInto(noteOf(doc, a), 'idée')))
    tablet.send(syncUpdateFrame(newProposal('tabletProposal', a, 'Une permanence')))
    tablet.send(
      syncUpdateFrame(setIn(proposalsOf(doc).get(pa)!, doc, 'validated', { any: [true] })),
    )
    tablet.send(syncUpdateFrame(setIn('attendance', doc, `${a}|usagerNew|c1`, { any: [3] })))
    const presence = { kind: 'atelier', atelierId: a, lastSyncedAt: 1 }
    tablet.send(syncUpdateFrame(setIn('devices', doc, 'tablet1', { any: [presence] })))
    tablet.send(awarenessFrame([{ id: 77, clock: 1, state: { role: 'reporter' } }]))
    const held = await documentVia(tablet)
    expect(noteOf(held, a).toString()).toBe('idée')
    expect(proposalsOf(held).get('tabletProposal')?.get('atelierId')).toBe(a)
    expect(proposalsOf(held).get(pa)?.get('validated')).toBe(true)
    expect(readAttendance(held)[a]?.usagerNew).toBe(3)
    expect(devicesOf(held).get('tablet1')).toEqual(presence)
    // Its presence reaches the other devices (the coordinator's client).
    await waitFor(() => hasPresence(77), 'the tablet’s presence')
  })

  it('cannot write beyond its atelier, and keeps its connection', async () => {
    const { relay, doc, a, b, pa, pb, tabletOf } = await meetingOnRelay()
    const tablet = await tabletOf(a)
    const stepMap = [...scriptOf(doc).values()][0]!
    const atelierIdItem = proposalsOf(doc).get(pa)!._map.get('atelierId')!
    const pbEntry = proposalsOf(doc)._map.get(pb)!
    const attempts: Array<[string, Uint8Array]> = [
      ['another atelier’s note', typeInto(noteOf(doc, b), 'intrus')],
      ['a proposal for another atelier', newProposal('forB', b, 'Pour B')],
      [
        'its proposal moved to another atelier',
        structsUpdate(() => [{ origin: refOfItem(atelierIdItem), content: { any: [b] } }]),
      ],
      [
        'another atelier’s proposal deleted through a delete set',
        rawUpdate([], [{ client: pbEntry.id.client, ranges: [[pbEntry.id.clock, 1]] }]),
      ],
      ['the plenary’s screen', setIn('plenary', doc, 'screen', { any: ['ranking'] })],
      ['a vote', setIn('votes', doc, `${pa}|overall|c1`, { any: [{ count: 9, at: 1 }] })],
      ['the trame', setIn(stepMap, doc, 'title', { any: ['Piraté'] })],
      [
        'its own key check',
        setIn(ateliersOf(doc).get(a)!, doc, KEY_CHECK_FIELD, { any: ['0'.repeat(64)] }),
      ],
    ]
    const before = (await refusalCounts(relay)).out_of_scope!
    for (const [, update] of attempts) tablet.send(syncUpdateFrame(update))
    // Its own work still goes through afterwards, on the same connection.
    tablet.send(syncUpdateFrame(typeInto(noteOf(doc, a), 'suite')))
    const held = await documentVia(tablet)
    expect(noteOf(held, a).toString()).toBe('suite')
    expect(noteOf(held, b).toString()).toBe('')
    expect(proposalsOf(held).has('forB')).toBe(false)
    expect(proposalsOf(held).get(pa)?.get('atelierId')).toBe(a)
    expect(proposalsOf(held).get(pb)?.get('text')).toBe('B1')
    expect(plenaryOf(held).get('screen')).toBeUndefined()
    expect(votesOf(held).size).toBe(0)
    expect([...scriptOf(held).values()][0]!.get('title')).toBe(stepMap.get('title'))
    expect(ateliersOf(held).get(a)!.get(KEY_CHECK_FIELD)).toBe(
      ateliersOf(doc).get(a)!.get(KEY_CHECK_FIELD),
    )
    expect(tablet.readyState).toBe(tablet.OPEN)
    expect((await refusalCounts(relay)).out_of_scope! - before).toBe(attempts.length)
  })

  it('writes its presence only as the app writes it, and keeps its connection', async () => {
    const { relay, doc, a, tabletOf } = await meetingOnRelay()
    const tablet = await tabletOf(a)
    const ours = { kind: 'atelier', atelierId: a, lastSyncedAt: 1 }
    const attempts: Array<[string, unknown]> = [
      ['junk', { ...ours, junk: 'x'.repeat(1 << 20) }],
      ['role', { ...ours, kind: 'meeting' }],
      ['name', { ...ours, name: 'Coordination' }],
      ['future', { ...ours, lastSyncedAt: TIME_MAX + 1 }],
      ['nested', { ...ours, lastSyncedAt: { at: 1 } }],
      ['prototype', JSON.parse(`{"__proto__":${JSON.stringify(ours)}}`)],
    ]
    const before = (await refusalCounts(relay)).out_of_scope!
    for (const [key, value] of attempts)
      tablet.send(syncUpdateFrame(setIn('devices', doc, key, { any: [value] })))
    tablet.send(syncUpdateFrame(setIn('devices', doc, 'under a key', { any: [ours] })))
    tablet.send(syncUpdateFrame(setIn('devices', doc, 'tablet1', { any: [ours] })))
    const held = await documentVia(tablet)
    expect([...devicesOf(held).keys()]).toEqual(['tablet1'])
    expect(devicesOf(held).get('tablet1')).toEqual(ours)
    expect(tablet.readyState).toBe(tablet.OPEN)
    expect((await refusalCounts(relay)).out_of_scope! - before).toBe(attempts.length + 1)
  })

  it('takes the edits of a tablet whose presence its second window overwrote', async () => {
    const { relay, roomId, readKey, writeKey, a, onRelay } = await meetingOnRelay()
    const windowOf = () => {
      const protocols = protocolsFor(readKey, { id: a, key: atelierKeyOf(writeKey, a) })
      return connectClient(teardown, relay.syncUrl, roomId, protocols)
    }
    const presence = { deviceId: 'tabletA', kind: 'atelier' as const, atelierId: a }
    const first = windowOf()
    await waitFor(() => first.provider.synced, 'the first window in sync')
    recordPresence(first.doc, { ...presence, lastSyncedAt: 1 }, null, true)
    await waitFor(() => devicesOf(onRelay).has('tabletA'), 'its presence on the relay')
    const second = windowOf()
    await waitFor(() => second.provider.synced, 'the second window in sync')
    // The same device's entry: the first window's value, its client's last item, is collected.
    recordPresence(second.doc, { ...presence, lastSyncedAt: 60_001 }, null, true)
    const seenAt = () =>
      (devicesOf(onRelay).get('tabletA') as { lastSyncedAt?: number }).lastSyncedAt
    await waitFor(() => seenAt() === 60_001, 'the second window’s presence on the relay')
    noteOf(first.doc, a).insert(0, 'suite')
    await waitFor(() => noteOf(onRelay, a).toString() === 'suite', 'the first window’s note')
  })

  it('is a reader with a wrong atelier key, or without a key check in the document', async () => {
    const { doc, a, b, writeKey, tabletOf, hasPresence } = await meetingOnRelay()
    const wrong = await tabletOf(a, atelierKeyOf(writeKey, b))
    wrong.send(syncUpdateFrame(typeInto(noteOf(doc, a), 'faux')))
    wrong.send(awarenessFrame([{ id: 78, clock: 1, state: { role: 'intrus' } }]))
    expect(noteOf(await documentVia(wrong), a).toString()).toBe('')
    const right = await tabletOf(a)
    right.send(awarenessFrame([{ id: 79, clock: 1, state: { role: 'reporter' } }]))
    await waitFor(() => hasPresence(79), 'the right tablet’s presence')
    expect(hasPresence(78)).toBe(false)
    // A key of an atelier the document has no check for (removed, or never written).
    ateliersOf(doc).get(b)!.delete(KEY_CHECK_FIELD)
    const unchecked = await tabletOf(b)
    await waitFor(
      async () =>
        !ateliersOf(await documentVia(unchecked))
          .get(b)!
          .has(KEY_CHECK_FIELD),
      'the check removed',
    )
    unchecked.send(syncUpdateFrame(typeInto(noteOf(doc, b), 'faux')))
    expect(noteOf(await documentVia(unchecked), b).toString()).toBe('')
  })

  it('takes what a tablet typed before its key check reached the relay, once it has', async () => {
    const { relay, roomId, readKey, writeKey, doc, b, onRelay } = await meetingOnRelay()
    const check = ateliersOf(doc).get(b)!.get(KEY_CHECK_FIELD)
    ateliersOf(doc).get(b)!.delete(KEY_CHECK_FIELD)
    await waitFor(
      () => !ateliersOf(onRelay).get(b)!.has(KEY_CHECK_FIELD),
      'the check gone from the relay',
    )
    // A real client, as the app's tablet: it types twice while the relay cannot check its key.
    const tablet = connectClient(
      teardown,
      relay.syncUrl,
      roomId,
      protocolsFor(readKey, { id: b, key: atelierKeyOf(writeKey, b) }),
    )
    await waitFor(() => tablet.provider.synced, 'the tablet in sync')
    const note = () => noteOf(tablet.doc, b)
    // Its presence, refreshed a minute later: the first value is overwritten, and collected.
    const presence = { deviceId: 'tabletB', kind: 'atelier' as const, atelierId: b }
    recordPresence(tablet.doc, { ...presence, lastSyncedAt: 1 }, null, true)
    note().insert(0, 'avant ')
    recordPresence(tablet.doc, { ...presence, lastSyncedAt: 60_001 }, null, true)
    note().insert(6, 'la vérification ')
    const noteOnRelay = () => noteOf(onRelay, b).toString()
    expect(noteOf(await relayDocument(relay, roomId, readKey), b).toString()).toBe('')
    ateliersOf(doc).get(b)!.set(KEY_CHECK_FIELD, check)
    await waitFor(() => noteOnRelay() === 'avant la vérification ', 'the early notes')
    expect(devicesOf(onRelay).get('tabletB')).toMatchObject({ lastSyncedAt: 60_001 })
    note().insert(note().length, 'et après')
    await waitFor(() => noteOnRelay() === 'avant la vérification et après', 'the rest')
    expect(tablet.closed).toBeNull()
  })

  it('opens nothing writable with the read key alone; an old link (the write key) writes all', async () => {
    const { relay, roomId, readKey, writeKey, doc, a } = await meetingOnRelay()
    const reader = await openRawSocket(teardown, relay.syncUrl, roomId, protocolsFor(readKey))
    reader.send(syncUpdateFrame(setIn('plenary', doc, 'screen', { any: ['ranking'] })))
    expect(plenaryOf(await documentVia(reader)).get('screen')).toBeUndefined()
    // An atelier link made before atelier keys: the write key, with or without an atelier.
    const old = await openRawSocket(
      teardown,
      relay.syncUrl,
      roomId,
      protocolsFor(writeKey, { id: a, key: atelierKeyOf(writeKey, a) }),
    )
    old.send(syncUpdateFrame(setIn('plenary', doc, 'screen', { any: ['ranking'] })))
    expect(plenaryOf(await documentVia(old)).get('screen')).toBe('ranking')
  })
})

function refOfItem(item: Y.Item): Ref {
  return { client: item.id.client, clock: item.id.clock + item.length - 1 }
}

describe('an atelier link sending structs the relay partly knows', () => {
  it('cannot append to another type by overlapping the last item of another client', async () => {
    const { doc, a, b, tabletOf, relay, roomId, readKey, onRelay } = await meetingOnRelay()
    // The coordinator's last item is a character of atelier B's note.
    noteOf(doc, b).insert(0, 'B')
    await waitFor(
      () => noteOf(onRelay, b).toString() === 'B',
      'the coordinator’s character on the relay',
    )
    const tablet = await tabletOf(a)
    const own = typeInto(noteOf(doc, a), 'a')
    tablet.send(syncUpdateFrame(own))
    const ownClient = nextClient - 1
    const coordinatorState = Y.getState(doc.store, doc.clientID)
    // Declared in A's note, after the tablet's character; but its first clock is the
    // coordinator's last, already known: Yjs integrates only the tail, after that last item.
    const overlap = rawUpdate([
      {
        client: doc.clientID,
        clock: coordinatorState - 1,
        structs: [{ origin: { client: ownClient, clock: 0 }, content: { string: 'ZZ' } }],
      },
    ])
    tablet.send(syncUpdateFrame(overlap))
    // Refused as malformed, the connection closes; taken, it answers as usual.
    const closed = new Promise((resolve) => tablet.once('close', resolve))
    await Promise.race([documentVia(tablet), closed])
    const held = await relayDocument(relay, roomId, readKey)
    expect(noteOf(held, a).toString()).toBe('a')
    expect(noteOf(held, b).toString()).toBe('B')
  })
})

describe('an atelier link writing under another device’s client id', () => {
  it('cannot take the next clocks of another atelier’s tablet, which would lose its edits', async () => {
    const { doc, a, b, tabletOf, relay, roomId, readKey } = await meetingOnRelay()
    const tabletB = await tabletOf(b)
    const bClient = nextClient
    tabletB.send(syncUpdateFrame(typeInto(noteOf(doc, b), 'b')))
    await documentVia(tabletB)
    const tabletA = await tabletOf(a)
    const aClient = nextClient
    tabletA.send(syncUpdateFrame(typeInto(noteOf(doc, a), 'a')))
    // In A's note, after A's character, but as B's tablet's next clock.
    const squat = rawUpdate([
      {
        client: bClient,
        clock: 1,
        structs: [{ origin: { client: aClient, clock: 0 }, content: { string: 'X' } }],
      },
    ])
    tabletA.send(syncUpdateFrame(squat))
    // Or as garbage (a GC struct), which takes the clocks all the same.
    tabletA.send(syncUpdateFrame(rawUpdate([{ client: bClient, clock: 1, structs: [{ gc: 1 }] }])))
    await documentVia(tabletA)
    // B's tablet then types its next character, at that clock.
    const next = rawUpdate([
      {
        client: bClient,
        clock: 1,
        structs: [{ origin: { client: bClient, clock: 0 }, content: { string: 'c' } }],
      },
    ])
    tabletB.send(syncUpdateFrame(next))
    await documentVia(tabletB)
    const held = await relayDocument(relay, roomId, readKey)
    expect(noteOf(held, b).toString()).toBe('bc')
    expect(noteOf(held, a).toString()).toBe('a')
  })
})
