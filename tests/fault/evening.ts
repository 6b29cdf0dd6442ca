/**
 * A simulated committee evening for the fault-matrix tests: meetings (rooms), devices in them
 * (real y-websocket clients holding a copy of the meeting, as tablets that opened their link
 * earlier), random app-level edits through `src/doc` (seeded, from `tests/helpers/meetingOps.ts`),
 * and the checks that nothing was lost once the faults stop.
 *
 * "Nothing lost" is checked two ways: each device's own edits are all in every copy (the Yjs
 * clock every copy holds for that device is the device's own final clock), and every proposal any
 * device created exists everywhere; "converged" means every copy of a meeting reads the same
 * (`readMeeting`) and has the same Yjs state — including a fresh device that gets it from the
 * relay alone.
 */
import { expect } from 'vitest'
import * as Y from 'yjs'
import { readMeeting } from '../../src/doc/meetingDoc'
import { capabilityFromKey, newWriteKey, type RoomId } from '../../src/links/capability'
import { protocolsFor } from '../../src/sync/protocol'
import {
  applyOperation,
  clockOf,
  newMeetingUpdate,
  ownClock,
  sampleOperations,
  type MeetingOperation,
} from '../helpers/meetingOps'
import type { Random } from '../helpers/random'
import { connectClient, type Teardown, type TestClient } from '../helpers/relay'
import { waitFor } from '../helpers/waitFor'

export interface Meeting {
  roomId: RoomId
  protocols: string[]
  /** The meeting as the coordinator created it; every device starts from it. */
  seed: Uint8Array
}

export interface Device {
  name: string
  meeting: Meeting
  client: TestClient
  operations: MeetingOperation[]
  applied: number
  created: string[]
}

export function newMeetings(count: number): Meeting[] {
  return Array.from({ length: count }, () => {
    const writeKey = newWriteKey()
    return {
      roomId: capabilityFromKey(writeKey, 'write').roomId,
      protocols: protocolsFor(writeKey),
      seed: newMeetingUpdate(),
    }
  })
}

/** A device holding `meeting`, connected through `syncUrl` (unless `connect: false`). */
export function newDevice(
  teardown: Teardown,
  meeting: Meeting,
  syncUrl: string,
  random: Random,
  options: { name: string; operations?: number; connect?: boolean },
): Device {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, meeting.seed)
  const client = connectClient(teardown, syncUrl, meeting.roomId, meeting.protocols, doc)
  if (options.connect === false) client.provider.disconnect()
  return {
    name: options.name,
    meeting,
    client,
    operations: sampleOperations(random.int(2 ** 31), options.operations ?? 2000),
    applied: 0,
    created: [],
  }
}

/** Applies the device's next edit; false once its list is used up. */
export function edit(device: Device): boolean {
  const op = device.operations[device.applied]
  if (!op) return false
  device.applied += 1
  const { proposal } = applyOperation(device.client.doc, op)
  if (proposal) device.created.push(proposal)
  return true
}

/**
 * About `ms` of evening: `ms / tickMs` ticks, `tickMs` apart, in each of which a few random devices
 * make an edit. Counted in ticks, not read off the clock, so a loaded machine makes as many edits,
 * only more slowly (the tests' own counts never depend on the machine's speed).
 */
export async function editFor(
  devices: Device[],
  random: Random,
  ms: number,
  tickMs = 15,
  perTick = 3,
): Promise<number> {
  let edits = 0
  for (let tick = Math.ceil(ms / tickMs); tick > 0; tick--) {
    for (let i = 0; i < perTick; i++) if (edit(random.pick(devices))) edits++
    await new Promise((resolve) => setTimeout(resolve, tickMs))
  }
  return edits
}

function byMeeting(devices: Device[]): Map<Meeting, Device[]> {
  const groups = new Map<Meeting, Device[]>()
  for (const device of devices)
    groups.set(device.meeting, [...(groups.get(device.meeting) ?? []), device])
  return groups
}

const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64')

/** Waits until every device is connected, synced, and holds the same state as its peers. */
export async function waitForConvergence(devices: Device[], timeoutMs: number): Promise<void> {
  await waitFor(
    () =>
      devices.every((d) => d.client.provider.wsconnected && d.client.provider.synced) &&
      [...byMeeting(devices).values()].every((group) =>
        group.every((d) => vector(d.client.doc) === vector(group[0]!.client.doc)),
      ),
    'every device to reconnect and converge',
    timeoutMs,
  )
}

/**
 * Checks convergence and that nothing was lost, then asks the relay itself: a fresh device in
 * each meeting must receive exactly the same document.
 */
export async function expectNothingLost(
  teardown: Teardown,
  devices: Device[],
  relaySyncUrl: string,
): Promise<void> {
  for (const [meeting, group] of byMeeting(devices)) {
    const reference = group[0]!.client.doc
    const expected = readMeeting(reference)
    for (const device of group) {
      expect(readMeeting(device.client.doc), device.name).toEqual(expected)
      expect(vector(device.client.doc), device.name).toBe(vector(reference))
    }
    for (const device of group) {
      // Every edit this device made is in every copy.
      expect(clockOf(reference, device.client.doc.clientID), device.name).toBe(
        ownClock(device.client.doc),
      )
      const ids = new Set(expected.proposals.map((p) => p.id))
      for (const id of device.created)
        expect(ids.has(id), `${device.name}: proposal ${id}`).toBe(true)
    }
    const fresh = connectClient(teardown, relaySyncUrl, meeting.roomId, meeting.protocols)
    await waitFor(
      () => fresh.provider.synced && vector(fresh.doc) === vector(reference),
      'a fresh device to get the whole meeting from the relay',
      10_000,
    )
    expect(readMeeting(fresh.doc)).toEqual(expected)
  }
}
