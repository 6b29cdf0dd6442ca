import { describe, expect, it } from 'vitest'
import { isReady, readinessChecks, type ReadinessFacts } from './readinessChecks'

const ready: ReadinessFacts = {
  secureContext: true,
  appCached: true,
  meetingStored: true,
  storagePersisted: true,
  lastSyncedAt: 1000,
  relayReachable: true,
}

describe('readiness', () => {
  it('is ready when every fact holds', () => {
    expect(isReady(readinessChecks(ready))).toBe(true)
  })

  it('is still ready offline and without the storage promise, with warnings', () => {
    const checks = readinessChecks({ ...ready, relayReachable: false, storagePersisted: false })
    expect(isReady(checks)).toBe(true)
    expect(checks.filter((c) => c.state === 'warning').map((c) => c.id)).toEqual([
      'storage',
      'relay',
    ])
  })

  it.each([
    ['app not cached', { appCached: false }, 'app'],
    ['meeting not stored', { meetingStored: false }, 'meeting'],
    ['never synced', { lastSyncedAt: null }, 'sync'],
  ] as const)('is not ready when the %s', (_name, patch, id) => {
    const checks = readinessChecks({ ...ready, ...patch })
    expect(isReady(checks)).toBe(false)
    expect(checks.find((c) => c.id === id)!.state).toBe('missing')
  })

  it('on a plain-HTTP page, says the page must move to https instead of asking to wait', () => {
    const checks = readinessChecks({ ...ready, secureContext: false, appCached: false })
    expect(isReady(checks)).toBe(false)
    expect(checks.map((c) => c.id)).toEqual(['secure', 'meeting', 'storage', 'sync', 'relay'])
    expect(checks[0]!.state).toBe('missing')
  })

  it('waits for the answers it is still asking for', () => {
    expect(isReady(readinessChecks({ ...ready, relayReachable: null }))).toBe(false)
  })
})
