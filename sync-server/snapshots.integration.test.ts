/**
 * Restore to a moment, through the real relay: it keeps dated snapshots of a meeting, gives them
 * only to its write key (in a header), and a coordinator's restore after a wipe from a raw client
 * reaches every device.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readMeeting } from '../src/doc/meetingDoc'
import { openEarlierCopy, restoreFrom } from '../src/doc/restore'
import { capabilityFromKey, newWriteKey, readKeyOf } from '../src/links/capability'
import { protocolsFor, SNAPSHOTS_PATH } from '../src/sync/protocol'
import { fetchRelaySnapshot, listRelaySnapshots, SnapshotError } from '../src/sync/relaySnapshots'
import { newMeetingUpdate } from '../tests/helpers/meetingOps'
import {
  connectClient,
  startRelay,
  Teardown,
  tempDir,
  type TestClient,
} from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'

const teardown = new Teardown()
afterEach(() => teardown.run())

async function evening() {
  const relay = await startRelay(teardown, await tempDir(teardown), {
    config: { snapshotIntervalMs: 30 },
  })
  const writeKey = newWriteKey()
  const { roomId } = capabilityFromKey(writeKey, 'write')
  const join = (key = writeKey) => connectClient(teardown, relay.syncUrl, roomId, protocolsFor(key))
  return { relay, writeKey, roomId, join }
}

const synced = (client: TestClient) => () => client.provider.synced
const sameState = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))

describe('snapshots on the relay', () => {
  it('are listed and given only to the meeting’s write key, sent in a header', async () => {
    const { relay, writeKey, roomId, join } = await evening()
    const coordinator = join()
    await waitFor(synced(coordinator), 'the coordinator to sync')
    Y.applyUpdate(coordinator.doc, newMeetingUpdate())
    await waitFor(
      async () => (await listRelaySnapshots(relay.httpUrl, roomId, writeKey)).length > 0,
      'a first snapshot',
    )

    const refused = async (key: string) =>
      listRelaySnapshots(relay.httpUrl, roomId, key as typeof writeKey).then(
        () => 'listed',
        (error: SnapshotError) => error.problem,
      )
    expect(await refused(readKeyOf(writeKey))).toBe('refused') // a projection link
    expect(await refused(newWriteKey())).toBe('refused') // another meeting's key
    const url = `${relay.httpUrl}${SNAPSHOTS_PATH}/${roomId}`
    expect((await fetch(url)).status).toBe(401)
    expect((await fetch(`${url}?key=${writeKey}`)).status).toBe(401) // never in the URL
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(405)
    expect(
      (
        await fetch(url, {
          headers: { Authorization: `Bearer ${writeKey}`, Origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(403)
  })

  it('bring back a meeting wiped by a raw client, and every device converges on it', async () => {
    const { relay, writeKey, roomId, join } = await evening()
    const coordinator = join()
    const tablets = [join(), join()]
    const projector = join(readKeyOf(writeKey))
    const everyone = [coordinator, ...tablets, projector]
    await waitFor(() => everyone.every((client) => client.provider.synced), 'everyone to sync')
    Y.applyUpdate(coordinator.doc, newMeetingUpdate())
    await waitFor(() => everyone.every((c) => sameState(c.doc, coordinator.doc)), 'the meeting')
    const before = readMeeting(coordinator.doc)
    await waitFor(
      async () => (await listRelaySnapshots(relay.httpUrl, roomId, writeKey)).length > 0,
      'a snapshot of the meeting',
    )
    const [latest] = await listRelaySnapshots(relay.httpUrl, roomId, writeKey)

    // A raw client with the write key empties every root.
    const vandal = join()
    await waitFor(synced(vandal), 'the vandal to sync')
    vandal.doc.transact(() => {
      for (const name of vandal.doc.share.keys())
        for (const key of vandal.doc.getMap(name).keys()) vandal.doc.getMap(name).delete(key)
    })
    await waitFor(
      () => everyone.every((c) => readMeeting(c.doc).ateliers.length === 0),
      'the wipe to reach everyone',
    )

    const earlier = openEarlierCopy(
      await fetchRelaySnapshot(relay.httpUrl, roomId, writeKey, latest!.at),
    )
    expect(earlier).not.toBeNull()
    expect(restoreFrom(coordinator.doc, earlier!, { kind: 'meeting' })).toBe(true)
    await waitFor(
      () => [...everyone, vandal].every((c) => sameState(c.doc, coordinator.doc)),
      'the restore to reach everyone',
    )
    for (const client of [...everyone, vandal]) expect(readMeeting(client.doc)).toEqual(before)
  })
})
