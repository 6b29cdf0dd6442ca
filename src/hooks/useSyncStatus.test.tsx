// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyOperation, newMeetingUpdate } from '../../tests/helpers/meetingOps'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { silentWebSocket } from '../../tests/helpers/silentSocket'
import { capabilityFromKey, newWriteKey } from '../links/capability'
import { MeetingSession } from '../sync/meetingSession'
import { useSyncStatus } from './useSyncStatus'

let session: MeetingSession

beforeEach(async () => {
  session = new MeetingSession(capabilityFromKey(newWriteKey(), 'write'), {
    relayUrl: 'ws://127.0.0.1:9/sync',
    WebSocketImpl: silentWebSocket,
    events: new EventTarget(),
  })
  await session.whenLoaded()
})

afterEach(async () => {
  cleanup()
  await session.destroy()
})

describe('useSyncStatus', () => {
  it('shows the session’s status and follows it: an edit waits for the disk, then the relay', async () => {
    const hook = renderHook((s: MeetingSession) => useSyncStatus(s), session)
    expect(hook.current).toMatchObject({ loaded: true, connection: 'connecting' })
    expect(hook.current.pendingChanges).toBe(false)

    act(() => Y.applyUpdate(session.doc, newMeetingUpdate(), 'relay'))
    act(() => void applyOperation(session.doc, { kind: 'propose', atelier: 0, text: 'Un banc' }))
    await act(() => session.whenSaved())
    expect(hook.current).toMatchObject({ savedLocally: true, pendingChanges: true })

    act(() => session.restoreLastSync(1_000))
    expect(hook.current.lastSyncedAt).toBe(1_000)
  })
})
