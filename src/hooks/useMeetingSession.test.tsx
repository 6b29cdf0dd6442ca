// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { silentWebSocket } from '../../tests/helpers/silentSocket'
import { capabilityFromKey, newWriteKey, readKeyOf, type Capability } from '../links/capability'
import { useMeetingSession } from './useMeetingSession'

beforeEach(() => {
  // The session's socket never connects: only its opening and closing are under test.
  vi.stubGlobal('WebSocket', silentWebSocket)
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const open = (capability: Capability | null) =>
  renderHook((c: Capability | null) => useMeetingSession(c), capability)

describe('useMeetingSession', () => {
  it('opens one session per meeting for every screen showing it, and closes it after the last', async () => {
    const writeKey = newWriteKey()
    const coordinator = open(capabilityFromKey(writeKey, 'write'))
    const projector = open(capabilityFromKey(readKeyOf(writeKey), 'read'))
    const session = coordinator.current!
    expect(session.roomId).toBe(capabilityFromKey(writeKey, 'write').roomId)
    expect(projector.current).toBe(session) // the one that writes serves both
    const destroy = vi.spyOn(session, 'destroy')

    coordinator.unmount()
    projector.unmount()
    expect(destroy).not.toHaveBeenCalled() // a remount soon after reuses it
    await act(async () => vi.runAllTimers())
    expect(destroy).toHaveBeenCalled()
  })

  it('opens nothing without a link', () => {
    expect(open(null).current).toBeNull()
  })
})
