/**
 * Reconnection after an evening offline: a tablet that made `edits` edits with no network
 * reconnects; how long until the projector shows them, and (Tandem) until the relay has them on
 * disk.
 *
 * The tablet and the projector are the app's own sync client (`y-websocket`'s WebsocketProvider,
 * as `src/sync/meetingSession.ts` sets it up), in this process. The meeting (12 ateliers) is on
 * the relay first; the tablet syncs it, disconnects, makes its edits (the app's mutations: typing
 * in its notes, a proposal now and then), and reconnects while the projector watches. From
 * `connect()` to:
 * - **projector**: the projector's document holds the tablet's last edit;
 * - **relay disk** (Tandem only; the reference relay keeps nothing on disk): the relay's
 *   `tandem_updates_stored_total` has counted the tablet's update, polled every 2 ms on
 *   `/metrics`.
 * Each run uses a fresh tablet (a new device); the median of `runs` is reported.
 */
import { request } from 'node:http'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { protocolsFor } from '../src/sync/protocol'
import { buildMeeting, typeOffline } from './meetingFixture'
import { median, now, sleep } from './report'
import type { RunningRelay } from './relays'

export interface ReconnectResult {
  relay: RunningRelay['name']
  edits: number
  updateBytes: number
  projectorMs: number
  relayDiskMs: number | null
  runs: number
}

export function provider(
  relay: RunningRelay,
  roomId: string,
  key: string,
  doc: Y.Doc,
  connect: boolean,
) {
  const url = relay.roomUrl(roomId)
  const serverUrl = url.slice(0, url.lastIndexOf('/'))
  return new WebsocketProvider(serverUrl, roomId, doc, {
    protocols: protocolsFor(key),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect,
  })
}

export function whenSynced(p: WebsocketProvider): Promise<void> {
  return p.synced ? Promise.resolve() : new Promise((resolve) => p.once('sync', () => resolve()))
}

function storedTotal(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/metrics' }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => {
        const match = /^tandem_updates_stored_total (\d+)/m.exec(body)
        resolve(match ? Number(match[1]) : Number.NaN)
      })
    })
    req.on('error', reject)
    req.end()
  })
}

export async function runReconnect(
  relay: RunningRelay,
  edits: number,
  runs: number,
): Promise<ReconnectResult> {
  const { roomId, writeKey, readKey } = capabilityFromKey(newWriteKey(), 'write')
  const meeting = buildMeeting(12, 3, 12 * (3 * 2 + 4) + 1)
  const coordinatorDoc = new Y.Doc()
  Y.applyUpdate(coordinatorDoc, meeting.update)
  const coordinator = provider(relay, roomId, writeKey!, coordinatorDoc, true)
  const projectorDoc = new Y.Doc()
  const projector = provider(relay, roomId, readKey, projectorDoc, true)
  const projectorMs: number[] = []
  const relayDiskMs: number[] = []
  let updateBytes = 0
  try {
    await whenSynced(coordinator)
    await whenSynced(projector)
    await sleep(300)
    for (let run = 0; run < runs; run++) {
      const tabletDoc = new Y.Doc()
      const tablet = provider(relay, roomId, writeKey!, tabletDoc, true)
      await whenSynced(tablet)
      tablet.disconnect()
      typeOffline(tabletDoc, edits)
      const sv = Y.encodeStateVector(projectorDoc)
      updateBytes = Y.encodeStateAsUpdate(tabletDoc, sv).length
      const target = Y.getState(tabletDoc.store, tabletDoc.clientID)
      const storedBefore = relay.name === 'tandem' ? await storedTotal(relay.port) : 0
      await sleep(200)

      const started = now()
      const reached = new Promise<number>((resolve) => {
        const check = () => {
          if (Y.getState(projectorDoc.store, tabletDoc.clientID) >= target) {
            projectorDoc.off('update', check)
            resolve(now() - started)
          }
        }
        projectorDoc.on('update', check)
      })
      const onDisk = (async () => {
        if (relay.name !== 'tandem') return null
        for (;;) {
          if ((await storedTotal(relay.port)) > storedBefore) return now() - started
          if (now() - started > 10_000) return Number.NaN
          await sleep(2)
        }
      })()
      tablet.connect()
      projectorMs.push(await reached)
      const disk = await onDisk
      if (disk !== null) relayDiskMs.push(disk)
      tablet.destroy()
      tabletDoc.destroy()
      await sleep(200)
    }
  } finally {
    coordinator.destroy()
    projector.destroy()
    // Each provider's presence (awareness) runs a timer until its document is destroyed.
    coordinatorDoc.destroy()
    projectorDoc.destroy()
  }
  return {
    relay: relay.name,
    edits,
    updateBytes,
    projectorMs: median(projectorMs),
    relayDiskMs: relayDiskMs.length > 0 ? median(relayDiskMs) : null,
    runs,
  }
}
