/**
 * Restore to a moment, end to end: a tablet writes a proposal, the relay keeps a snapshot, a raw
 * client with the write key wipes the whole meeting, and the coordinator restores it from the
 * "Historique" tab; the tablet and the raw client both end with the restored meeting.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { readMeeting } from '../../src/doc/meetingDoc'
import { openEarlierCopy } from '../../src/doc/restore'
import { capabilityFromKey, keySchema } from '../../src/links/capability'
import { protocolsFor, SYNC_PATH } from '../../src/sync/protocol'
import { fetchRelaySnapshot, listRelaySnapshots } from '../../src/sync/relaySnapshots'
import { connectClient, Teardown } from '../helpers/relay'
import { waitFor } from '../helpers/waitFor'
import {
  addProposal,
  createMeetingFrom,
  proposalsOnTablet,
  setUpEvening,
  showView,
  waitForSyncState,
} from './harness'

const evening = setUpEvening({ relayEnv: { SNAPSHOT_INTERVAL_SECONDS: '0.2' } })
const teardown = new Teardown()
afterAll(() => teardown.run())

describe('restore to a moment', () => {
  it('brings back a meeting wiped by a raw client, on every device', async () => {
    const coordinator = await evening.deviceOnWifi()
    const { ateliers } = await createMeetingFrom(
      coordinator.page,
      coordinator.wifi.url,
      'Soirée à restaurer',
    )
    await waitForSyncState(coordinator.page, 'synced')
    const writeKey = keySchema.parse(new URL(coordinator.page.url()).hash.split('/')[2])
    const { roomId } = capabilityFromKey(writeKey, 'write')
    const tablet = await evening.tablet(ateliers[0]!)
    await showView(tablet.page, 'Notes et propositions')
    await addProposal(tablet.page, 'Une permanence le samedi matin')

    // The relay keeps a moment that has the proposal.
    const relay = evening.relay.url
    let moment = 0
    await waitFor(
      async () => {
        for (const { at } of await listRelaySnapshots(relay, roomId, writeKey)) {
          const copy = openEarlierCopy(await fetchRelaySnapshot(relay, roomId, writeKey, at))
          if (copy && readMeeting(copy).proposals.length === 1) return (moment = at) > 0
        }
        return false
      },
      'a snapshot with the proposal',
      10_000,
    )

    // A raw client holding the write key empties every part of the meeting.
    const vandal = connectClient(
      teardown,
      relay.replace(/^http/, 'ws') + SYNC_PATH,
      roomId,
      protocolsFor(writeKey),
    )
    await waitFor(
      () => vandal.provider.synced && readMeeting(vandal.doc).proposals.length === 1,
      'the raw client to hold the meeting',
      10_000,
    )
    vandal.doc.transact(() => {
      for (const name of vandal.doc.share.keys())
        for (const key of vandal.doc.getMap(name).keys()) vandal.doc.getMap(name).delete(key)
    })
    await waitFor(
      async () => (await proposalsOnTablet(tablet.page)).length === 0,
      'the wipe to reach the tablet',
      10_000,
    )

    // The coordinator's screen has nothing left to show but the way back: the coordinator picks
    // the moment before the wipe and restores the whole meeting.
    await coordinator.page.getByTestId('restore').waitFor()
    await coordinator.page.getByRole('button', { name: 'Actualiser' }).click()
    await coordinator.page.getByTestId('restore-moment').selectOption(String(moment))
    await coordinator.page.getByRole('button', { name: 'Voir ce moment' }).click()
    expect(await coordinator.page.getByTestId('restore-preview').textContent()).toContain(
      '1 proposition',
    )
    await coordinator.page.getByRole('button', { name: /^Rétablir tel qu’à/ }).click()
    // The meeting is back: the coordinator's own screen replaces the way back.
    await coordinator.page.getByRole('button', { name: 'Historique' }).waitFor()

    await waitFor(
      () => readMeeting(vandal.doc).proposals.length === 1,
      'the restore to reach the raw client',
      10_000,
    )
    // The tablet's atelier screen comes back (on its first view, as after any reopening).
    await showView(tablet.page, 'Notes et propositions')
    await waitFor(
      async () =>
        (await proposalsOnTablet(tablet.page)).join() === 'Une permanence le samedi matin',
      'the restored proposal on the tablet',
      10_000,
    )
    expect(readMeeting(vandal.doc).title).toBe('Soirée à restaurer')
  }, 90_000)
})
