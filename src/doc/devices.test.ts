import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDevices, recordPresence } from './devices'

const present = (deviceId: string, lastSyncedAt: number) => ({
  deviceId,
  kind: 'atelier' as const,
  atelierId: 'atelier-1',
  lastSyncedAt,
})

describe('device presence', () => {
  it('removes the entry an older version wrote under its global id', () => {
    const doc = new Y.Doc()
    recordPresence(doc, present('old-global-id', 1_000))
    // Within the refresh interval, but the old entry must still go.
    recordPresence(doc, present('per-meeting-id', 2_000), 'old-global-id')
    expect(readDevices(doc).map((d) => d.deviceId)).toEqual(['per-meeting-id'])
  })

  it('writes about once a minute while nothing changes', () => {
    const doc = new Y.Doc()
    let writes = 0
    doc.on('update', () => (writes += 1))
    recordPresence(doc, present('me', 0), 'never-seen')
    recordPresence(doc, present('me', 30_000), 'never-seen')
    recordPresence(doc, present('me', 61_000), 'never-seen')
    expect(writes).toBe(2)
  })
})
