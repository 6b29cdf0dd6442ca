/**
 * No key on the relay's disk. A whole evening runs through the real relay: a committee (one
 * meeting registered by an older version, with its key in clear, then sealed when a coordinator
 * device opens the committee), three meetings with a coordinator, two tablets and a projector
 * each, random edits everywhere, then a tablet on an atelier link (its atelier key) in each. Once the relay has stopped, every file under its DATA_DIR is
 * searched for every key of the evening — as the link spells it, as raw bytes, and in hex — and
 * none is found; yet the committee the relay kept still opens every meeting for whoever holds
 * the committee link.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createCommittee,
  readCommittee,
  registerMeeting,
  migrateCommittee,
} from '../../src/doc/committeeDoc'
import { ensureKeyChecks, KEY_CHECK_FIELD } from '../../src/doc/ateliers'
import { ateliersOf, attendanceOf } from '../../src/doc/layout'
import {
  atelierKeyChecks,
  atelierKeyOf,
  capabilityFromKey,
  decodeKey,
  newWriteKey,
  readKeyOf,
  type CapabilityKey,
} from '../../src/links/capability'
import { sealingKeyOf } from '../../src/links/sealedKey'
import { protocolsFor } from '../../src/sync/protocol'
import { editFor, newDevice, waitForConvergence, type Meeting } from '../fault/evening'
import { newMeetingUpdate } from '../helpers/meetingOps'
import { seededRandom, testSeed, withSeed } from '../helpers/random'
import { connectClient, startRelay, Teardown, tempDir, type TestClient } from '../helpers/relay'
import { waitFor } from '../helpers/waitFor'

const teardown = new Teardown()
afterEach(() => teardown.run())

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Every spelling of `key` a careless store could hold. */
function spellings(key: CapabilityKey): Buffer[] {
  const bytes = Buffer.from(decodeKey(key))
  return [
    Buffer.from(key),
    bytes,
    Buffer.from(bytes.toString('hex')),
    Buffer.from(bytes.toString('base64')),
  ]
}

const synced = (client: TestClient) => () => client.provider.synced

describe('the relay’s disk after an evening', () => {
  it('holds no key of the committee or of any meeting', async () => {
    const seed = testSeed()
    await withSeed(seed, async () => {
      const random = seededRandom(seed)
      const dataDir = await tempDir(teardown, 'tandem-keys-')
      const relay = await startRelay(teardown, dataDir)

      const committeeKey = newWriteKey()
      const sealing = sealingKeyOf(committeeKey)
      const committee = connectClient(
        teardown,
        relay.syncUrl,
        capabilityFromKey(committeeKey, 'write').roomId,
        protocolsFor(committeeKey),
      )
      await waitFor(synced(committee), 'the committee to sync')
      createCommittee(committee.doc, 'Comité des usagers')

      // A meeting an older version registered, key in clear: it reaches the relay as such.
      const oldKey = newWriteKey()
      const oldId = capabilityFromKey(oldKey, 'write').roomId
      committee.doc.transact(() =>
        committee.doc.getMap('meetings').set(
          oldId,
          new Y.Map<unknown>([
            ['title', 'Rencontre de 2025'],
            ['date', '2025-06-12'],
            ['writeKey', oldKey],
            ['createdAt', 1],
          ]),
        ),
      )

      const writeKeys = Array.from({ length: 3 }, () => newWriteKey())
      const meetings: Meeting[] = writeKeys.map((writeKey) => ({
        roomId: capabilityFromKey(writeKey, 'write').roomId,
        protocols: protocolsFor(writeKey),
        seed: newMeetingUpdate(),
      }))
      const devices = meetings.flatMap((meeting, m) =>
        ['coordinateur', 'animateur', 'rapporteur'].map((role) =>
          newDevice(teardown, meeting, relay.syncUrl, random, {
            name: `${role} ${m}`,
            operations: 300,
          }),
        ),
      )
      const projectors = writeKeys.map((writeKey, m) =>
        connectClient(
          teardown,
          relay.syncUrl,
          meetings[m]!.roomId,
          protocolsFor(readKeyOf(writeKey)),
        ),
      )
      writeKeys.forEach((writeKey, m) =>
        registerMeeting(
          committee.doc,
          {
            id: meetings[m]!.roomId,
            title: `Rencontre ${m}`,
            date: '2026-12-03',
            writeKey,
            createdAt: m,
          },
          sealing,
        ),
      )
      // A coordinator device of this version opens the committee: the clear key gets sealed.
      migrateCommittee(committee.doc, sealing)

      await waitForConvergence(devices, 10_000)
      await editFor(devices, random, 600)
      await waitForConvergence(devices, 20_000)
      await waitFor(
        () =>
          projectors.every(
            (projector, m) =>
              projector.provider.synced &&
              Y.encodeStateVector(projector.doc).toString() ===
                Y.encodeStateVector(devices[3 * m]!.client.doc).toString(),
          ),
        'the projectors to follow',
      )
      // Each coordinator writes its ateliers' key checks; a tablet on an atelier link writes.
      const atelierKeys = await Promise.all(
        writeKeys.map(async (writeKey, m) => {
          const coordinator = devices[3 * m]!.client.doc
          ensureKeyChecks(coordinator, atelierKeyChecks(writeKey))
          const atelierIds = [...ateliersOf(coordinator).keys()]
          const atelierId = atelierIds[0]
          if (atelierId === undefined) return []
          const tablet = connectClient(
            teardown,
            relay.syncUrl,
            meetings[m]!.roomId,
            protocolsFor(readKeyOf(writeKey), {
              id: atelierId,
              key: atelierKeyOf(writeKey, atelierId),
            }),
          )
          await waitFor(
            () => ateliersOf(tablet.doc).get(atelierId)?.has(KEY_CHECK_FIELD) === true,
            'the tablet to receive its key check',
          )
          attendanceOf(tablet.doc).set(`${atelierId}|usagerNew|tablet`, 4)
          await waitFor(
            () => attendanceOf(coordinator).get(`${atelierId}|usagerNew|tablet`) === 4,
            'the tablet’s count to reach its coordinator',
          )
          return atelierIds.map((id) => atelierKeyOf(writeKey, id))
        }),
      )
      await relay.stop()

      const files = await filesUnder(dataDir)
      expect(files.length).toBeGreaterThanOrEqual(4) // the committee and three meetings
      const keys = [
        ...[committeeKey, oldKey, ...writeKeys].flatMap((key) => [key, readKeyOf(key)]),
        ...atelierKeys.flat(),
      ]
      for (const file of files) {
        const content = await readFile(file)
        for (const key of keys)
          for (const spelling of spellings(key))
            expect(content.includes(spelling), `${key} in ${file}`).toBe(false)
      }

      // What the relay kept still gives the committee link every meeting.
      const again = await startRelay(teardown, dataDir)
      const reopened = connectClient(
        teardown,
        again.syncUrl,
        capabilityFromKey(committeeKey, 'write').roomId,
        protocolsFor(committeeKey),
      )
      await waitFor(synced(reopened), 'the committee to reload')
      expect(
        readCommittee(reopened.doc, sealing)
          .meetings.map((meeting) => meeting.writeKey)
          .sort(),
      ).toEqual([oldKey, ...writeKeys].sort())
    })
  }, 60_000)
})
