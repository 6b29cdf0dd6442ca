/**
 * A whole session in Node: the app's `MeetingSession` on fake-indexeddb and a real relay. What
 * the sync indicator shows must be true: "enregistré" only once IndexedDB committed, "synchronisé"
 * once the relay has it, the reason when the relay refuses, and a full device never stops edits
 * from reaching the relay.
 */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { storageProblem } from '../device/storageHealth'
import { origins } from '../doc/origins'
import { capabilityFromKey, newWriteKey, type Capability } from '../links/capability'
import { Teardown, connectClient, startRelay, tempDir } from '../../tests/helpers/relay'
import { fillTheDisk } from '../../tests/helpers/fullDisk'
import { waitFor } from '../../tests/helpers/waitFor'
import { LocalStore } from './localStore'
import { MeetingSession, type SyncStatus } from './meetingSession'
import { protocolsFor } from './protocol'
import { hasChangesBeyond, RELAY_HOLDS_KEY } from './relayHolds'

const teardown = new Teardown()
afterEach(() => teardown.run())

function open(
  capability: Capability,
  relayUrl: string,
  events = new EventTarget(),
): MeetingSession {
  const session = new MeetingSession(capability, {
    relayUrl,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    events,
    maxBackoffMs: 100,
  })
  teardown.add(() => session.destroy())
  return session
}

function statuses(session: MeetingSession): SyncStatus[] {
  const seen: SyncStatus[] = []
  session.subscribe(() => seen.push(session.getStatus()))
  return seen
}

const text = (session: MeetingSession) => session.doc.getText('t')

describe('MeetingSession', () => {
  it('says "saved on this device" only after IndexedDB committed, and "synced" once the relay has it', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown))
    const capability = capabilityFromKey(newWriteKey(), 'write')
    const session = open(capability, relay.syncUrl)
    await session.whenLoaded()
    await waitFor(() => session.getStatus().connection === 'synced', 'the first sync')
    const seen = statuses(session)

    text(session).insert(0, 'note;')
    expect(session.getStatus()).toMatchObject({ savedLocally: false, unsavedChanges: 1 })
    await session.whenSaved()
    expect(session.getStatus()).toMatchObject({ savedLocally: true, unsavedChanges: 0 })
    expect(seen[0]).toMatchObject({ savedLocally: false })

    // Another device gets it through the relay; this device's storage has it after a reload.
    const other = connectClient(
      teardown,
      relay.syncUrl,
      capability.roomId,
      protocolsFor(capability.writeKey!),
    )
    await waitFor(() => other.text() === 'note;', 'the edit to reach another device')
    await session.destroy()
    const reloaded = open(capability, `${relay.syncUrl}-nowhere`)
    await reloaded.whenLoaded()
    expect(text(reloaded).toString()).toBe('note;')
  })

  it('still says changes wait to be sent after a restart offline, until the relay has them', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown))
    const capability = capabilityFromKey(newWriteKey(), 'write')
    const nowhere = `${relay.syncUrl}-nowhere`
    /** What this device keeps of what the relay holds covers its whole document. */
    const relayHoldsAll = async (session: MeetingSession) => {
      const store = new LocalStore(`tandem-${capability.roomId}`, new Y.Doc())
      const held = await store.readMeta(RELAY_HOLDS_KEY)
      await store.destroy()
      return !hasChangesBeyond(session.doc, held)
    }

    // Synced once, then the wifi goes and the rapporteur writes.
    const network = new EventTarget()
    const tablet = open(capability, relay.syncUrl, network)
    tablet.doc.transact(() => text(tablet).insert(0, 'avant;'), origins.local)
    await waitFor(() => tablet.getStatus().connection === 'synced', 'the first sync')
    expect(tablet.getStatus().pendingChanges).toBe(false)
    await waitFor(() => relayHoldsAll(tablet), 'what the relay holds to be kept', 15_000)
    network.dispatchEvent(new Event('offline'))
    tablet.doc.transact(() => text(tablet).insert(0, 'hors ligne;'), origins.local)
    expect(tablet.getStatus().pendingChanges).toBe(true)
    await tablet.destroy()

    // Restarted with no network: the changes still wait.
    const restarted = open(capability, nowhere)
    await restarted.whenLoaded()
    expect(restarted.getStatus().pendingChanges).toBe(true)
    expect(text(restarted).toString()).toBe('hors ligne;avant;')
    await restarted.destroy()

    // The network is back: sent, and a later restart offline has nothing waiting.
    const online = open(capability, relay.syncUrl)
    await waitFor(() => online.getStatus().connection === 'synced', 'the sync after the restart')
    expect(online.getStatus().pendingChanges).toBe(false)
    const other = connectClient(
      teardown,
      relay.syncUrl,
      capability.roomId,
      protocolsFor(capability.writeKey!),
    )
    await waitFor(() => other.text() === 'hors ligne;avant;', 'the offline edit on the relay')
    await waitFor(() => relayHoldsAll(online), 'what the relay holds to be kept', 15_000)
    await online.destroy()
    const later = open(capability, nowhere)
    await later.whenLoaded()
    expect(later.getStatus()).toMatchObject({ loaded: true, pendingChanges: false })
    expect(text(later).toString()).toBe('hors ligne;avant;')
  })

  it('says why the relay refuses: a wrong link for good, a full room for a while', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { maxConnectionsPerRoom: 1, maxDocumentBytes: 64 * 1024 },
    })
    const capability = capabilityFromKey(newWriteKey(), 'write')
    const wrong = open({ ...capability, writeKey: newWriteKey() }, relay.syncUrl)
    await waitFor(() => wrong.getStatus().connection === 'refused', 'the wrong key refused')
    expect(wrong.getStatus().refusal).toBe('invalidKey')

    const first = open(capability, relay.syncUrl)
    await waitFor(() => first.getStatus().connection === 'synced', 'the first device')
    const second = open(capability, relay.syncUrl)
    await waitFor(() => second.getStatus().refusal === 'busy', 'the room full')
    expect(second.getStatus().connection).toBe('offline')
    await first.destroy()
    await waitFor(() => second.getStatus().connection === 'synced', 'a place to free')
    expect(second.getStatus().refusal).toBeNull()

    text(second).insert(0, 'x'.repeat(70 * 1024))
    await waitFor(() => second.getStatus().connection === 'refused', 'the document refused')
    expect(second.getStatus().refusal).toBe('tooLarge')
    await second.whenSaved() // still on this device
  })

  it('says a change too large for the relay’s messages (1009) is refused, not offline', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { maxMessageBytes: 16 * 1024 },
    })
    const session = open(capabilityFromKey(newWriteKey(), 'write'), relay.syncUrl)
    await waitFor(() => session.getStatus().connection === 'synced', 'the first sync')
    text(session).insert(0, 'x'.repeat(64 * 1024))
    await waitFor(() => session.getStatus().refusal === 'tooLarge', 'the message refused')
    // The provider keeps retrying; the status never claims a sync the relay did not get.
    await waitFor(() => session.getStatus().connection !== 'synced', 'a retry under way')
    expect(session.getStatus()).toMatchObject({ refusal: 'tooLarge', pendingChanges: true })
  })

  it('when the device is full: shows it, keeps the edits, still sends them to the relay', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown))
    const capability = capabilityFromKey(newWriteKey(), 'write')
    const session = open(capability, relay.syncUrl)
    await waitFor(() => session.getStatus().connection === 'synced', 'the first sync')

    const restore = fillTheDisk()
    teardown.add(restore)
    text(session).insert(0, 'plein mais envoyé;')
    await waitFor(() => session.getStatus().storageProblem === 'quota', 'the quota problem')
    expect(storageProblem()).toBe('quota') // the banner
    expect(session.getStatus().savedLocally).toBe(false)
    const other = connectClient(
      teardown,
      relay.syncUrl,
      capability.roomId,
      protocolsFor(capability.writeKey!),
    )
    await waitFor(() => other.text() === 'plein mais envoyé;', 'the relay to have it anyway')

    restore()
    text(session).insert(0, '>')
    await session.whenSaved()
    expect(session.getStatus()).toMatchObject({ savedLocally: true, storageProblem: null })
    expect(storageProblem()).toBeNull()
    const check = new Y.Doc()
    await session.destroy()
    const reloaded = open(capability, `${relay.syncUrl}-nowhere`)
    await reloaded.whenLoaded()
    Y.applyUpdate(check, Y.encodeStateAsUpdate(reloaded.doc))
    expect(check.getText('t').toString()).toBe('>plein mais envoyé;')
  })
})
