import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { RoomId } from '../links/capability'
import { deviceDb, deviceIdIn, legacyDeviceId } from './deviceDb'

const meetingA = 'a'.repeat(32) as RoomId
const meetingB = 'b'.repeat(32) as RoomId

describe('device ids', () => {
  it('gives this device a different id in each meeting, kept in the device database', async () => {
    const inA = await deviceIdIn(meetingA)
    const inB = await deviceIdIn(meetingB)
    expect(inA).not.toBe(inB)
    expect(await deviceIdIn(meetingA)).toBe(inA)
    expect((await deviceDb.settings.get(`deviceId:${meetingA}`))?.value).toBe(inA)
  })

  it('reads the single id an older version used everywhere, without making one', async () => {
    expect(await legacyDeviceId()).toBeNull()
    await deviceDb.settings.put({ key: 'deviceId', value: 'old-global-id' })
    expect(await legacyDeviceId()).toBe('old-global-id')
  })
})
