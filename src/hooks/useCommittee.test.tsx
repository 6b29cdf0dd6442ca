// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { silentWebSocket } from '../../tests/helpers/silentSocket'
import { createCommittee, registerMeeting } from '../doc/committeeDoc'
import { capabilityFromKey, newWriteKey, type WriteCapability } from '../links/capability'
import { sealingKeyOf } from '../links/sealedKey'
import { useCommittee } from './useCommittee'

beforeEach(() => {
  vi.stubGlobal('WebSocket', silentWebSocket) // the committee's relay is not under test
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('useCommittee', () => {
  it('is null until the committee is there, then follows it, its meetings’ keys opened', async () => {
    const writeKey = newWriteKey()
    const hook = renderHook(
      (capability: WriteCapability) => useCommittee(capability),
      capabilityFromKey(writeKey, 'write'),
    )
    const session = hook.current.session!
    await act(() => session.whenLoaded())
    expect(hook.current.committee).toBeNull()

    act(() => createCommittee(session.doc, 'Comité de Reims'))
    expect(hook.current.committee).toMatchObject({ name: 'Comité de Reims', meetings: [] })

    const meetingKey = newWriteKey()
    const meeting = {
      id: capabilityFromKey(meetingKey, 'write').roomId,
      title: 'Accès aux droits',
      date: '2026-12-03',
      writeKey: meetingKey,
      createdAt: 1,
    }
    act(() => registerMeeting(session.doc, meeting, sealingKeyOf(writeKey)))
    expect(hook.current.committee?.meetings).toEqual([meeting])
  })

  it('opens nothing without a committee link', () => {
    expect(renderHook(() => useCommittee(null), undefined).current).toEqual({
      session: null,
      committee: null,
    })
  })
})
