/**
 * The relay's invariant as a property: whatever mix of honest edits (some delivered out of
 * order) and hostile updates (`tests/helpers/hostileUpdates.ts`) a room receives, after every
 * update the room's log reloads to exactly the document in memory, and that document is what
 * every device received. At the end the honest devices, once synced, all hold it too.
 *
 * Bounded: RUNS scenarios of STEPS updates (about 3 s on two idle cores), or the time limit of
 * `tests/helpers/property.ts`; a failing run prints its seed and path to replay.
 */
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { FakeSocket } from '../tests/helpers/fakeSocket'
import { syncUpdateFrame } from '../tests/helpers/frames'
import { FIRST_HOSTILE_CLIENT, hostileUpdate } from '../tests/helpers/hostileUpdates'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../tests/helpers/property'
import { seededRandom, type Random } from '../tests/helpers/random'
import { randomEdit } from '../tests/helpers/randomEdits'
import { Teardown, recordingLogger, tempDir } from '../tests/helpers/relay'
import { expectInvariant, fingerprint, freshCopy, Replica } from '../tests/helpers/roomReplicas'
import { Metrics } from './metrics'
import { Room } from './room'

const RUNS = 12
const STEPS = 30

const teardown = new Teardown()
afterEach(() => teardown.run())

/** An honest device: edits its replica of the meeting and sends what it typed. */
class Device {
  readonly replica: Replica
  readonly typed: Uint8Array[] = []

  constructor(room: Room, clientID: number) {
    this.replica = new Replica(room, 'write')
    this.replica.doc.clientID = clientID
    this.replica.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') this.typed.push(update)
    })
  }

  edit(random: Random): void {
    randomEdit(random, this.replica.catchUp())
  }

  send(update: Uint8Array, delivered: Uint8Array[]): void {
    this.replica.socket.receive(syncUpdateFrame(update))
    delivered.push(update)
  }
}

/**
 * Whether `update` (a mutated honest one, say) writes structs in a device's name that the room
 * does not have yet. Yjs has no signatures: whoever sends an id first owns it, and the device's
 * own edit under that id is then ignored everywhere. Real, but not the relay's to prevent.
 */
function forgesDevices(update: Uint8Array, known: Y.Doc): boolean {
  try {
    return Y.decodeUpdate(update).structs.some(
      ({ id, length }) =>
        id.client < FIRST_HOSTILE_CLIENT && id.clock + length > Y.getState(known.store, id.client),
    )
  } catch {
    return false
  }
}

async function scenario(seed: number): Promise<void> {
  const random = seededRandom(seed)
  const file = join(await tempDir(teardown), 'room.log')
  const room = new Room({
    id: capabilityFromKey(newWriteKey(), 'write').roomId,
    logFile: file,
    after: Promise.resolve(),
    // Compacts often, so snapshots are checked as well as appended records.
    compaction: { maxRecords: 8, maxAppendedBytes: 1 << 20 },
    limits: {
      maxDocumentBytes: 1 << 20,
      maxMessageBytes: 1 << 18,
      messagesPerSecond: 1e6,
      bytesPerSecond: 1 << 30,
      maxPresenceBytes: 1024,
      maxPresencesPerConnection: 8,
      maxBufferedBytes: 1 << 24,
    },
    logger: recordingLogger(),
    metrics: new Metrics(),
    onEmpty: () => {},
  })
  teardown.add(() => room.close())
  await room.ready
  const observer = new Replica(room, 'read')
  const devices = [1, 2, 3].map((clientID) => new Device(room, clientID))
  const held: Array<{ device: Device; update: Uint8Array }> = []
  // What devices sent, for the attacker to mutate. Not what they hold back: a forged copy of an
  // update (same ids, other content) that arrives first wins, on the relay as in any Yjs peer.
  const delivered: Uint8Array[] = []
  let attacker = new FakeSocket()
  room.attach(attacker.asWebSocket, 'write')

  for (let step = 0; step < STEPS; step++) {
    if (random.chance(0.5)) {
      const device = random.pick(devices)
      device.edit(random)
      const update = device.typed.at(-1)
      // Some edits arrive late, after others that build on them.
      if (update && random.chance(0.2)) held.push({ device, update })
      else if (update) device.send(update, delivered)
      if (held.length > 0 && random.chance(0.3)) {
        const late = held.splice(random.int(held.length), 1)[0]!
        late.device.send(late.update, delivered)
      }
    } else {
      if (attacker.readyState !== 1) {
        attacker.finishClose()
        attacker = new FakeSocket()
        room.attach(attacker.asWebSocket, 'write')
      }
      const known = await freshCopy(room)
      const update = hostileUpdate(random, known, delivered)
      if (!forgesDevices(update, known)) attacker.receive(syncUpdateFrame(update))
    }
    await expectInvariant(room, file, [observer])
  }

  // Every honest device delivers what it held back and sends its whole document (its step 2):
  // none was refused, and all hold the room's document.
  for (const { device, update } of held) device.send(update, delivered)
  for (const device of devices) device.send(Y.encodeStateAsUpdate(device.replica.doc), delivered)
  const memory = await expectInvariant(room, file, [observer])
  for (const device of devices) {
    expect(device.replica.socket.closedWith).toBeNull()
    const doc = device.replica.catchUp()
    // A device's own edits come back from nobody: catching up, it holds the whole meeting.
    expect(fingerprint(doc).content).toEqual(fingerprint(memory).content)
  }
}

describe('a room under random and hostile updates', () => {
  it(
    'after every update, its log reloads to the document in memory, which every device received',
    () =>
      checkProperty(
        fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => scenario(seed)),
        RUNS,
      ),
    PROPERTY_TEST_TIMEOUT,
  )
})
