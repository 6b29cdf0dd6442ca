import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDevices, recordPresence } from './devices'
import { devicesOf } from './layout'

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

  it('refreshes an entry dated later than now (a clock set right again, or a hostile tablet)', () => {
    const doc = new Y.Doc()
    devicesOf(doc).set('me', { kind: 'atelier', atelierId: 'atelier-1', lastSyncedAt: 7e12 })
    recordPresence(doc, present('me', 1_000))
    expect(readDevices(doc)[0]?.lastSyncedAt).toBe(1_000)
  })
})

describe('presence of a tablet on an atelier link', () => {
  it('writes only entries naming its atelier, and removes only such a legacy entry', () => {
    const doc = new Y.Doc()
    const devices = devicesOf(doc)
    devices.set('laptop', { kind: 'meeting', atelierId: null, lastSyncedAt: 1 })
    devices.set('legacyB', { kind: 'atelier', atelierId: 'b', lastSyncedAt: 1 })
    const tablet = { kind: 'atelier' as const, atelierId: 'a', lastSyncedAt: 2 }
    // The same laptop, opened as coordinator before: its entry is left as it is.
    recordPresence(doc, { ...tablet, deviceId: 'laptop' }, null, true)
    expect(devices.get('laptop')).toMatchObject({ kind: 'meeting' })
    recordPresence(doc, { ...tablet, deviceId: 'tablet' }, 'legacyB', true)
    expect(devices.get('tablet')).toMatchObject({ atelierId: 'a' })
    expect(devices.has('legacyB')).toBe(true)
    devices.set('legacyA', { kind: 'atelier', atelierId: 'a', lastSyncedAt: 1 })
    recordPresence(
      doc,
      { ...tablet, deviceId: 'tablet', lastSyncedAt: 10 * 60_000 },
      'legacyA',
      true,
    )
    expect(devices.has('legacyA')).toBe(false)
  })
})
