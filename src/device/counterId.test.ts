import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryStorage } from '../../tests/helpers/memoryStorage'
import type { RoomId } from '../links/capability'

const meetingA = 'a'.repeat(32) as RoomId
const meetingB = 'b'.repeat(32) as RoomId

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
})

/** A fresh copy of the module, as after a reload of the page. */
const reloaded = async () => (await import('./counterId')).counterId

describe('counterId', () => {
  it('counts under a different id in each meeting, the same one after a reload', async () => {
    vi.stubGlobal('localStorage', memoryStorage())
    const counterId = await reloaded()
    const inA = counterId(meetingA)
    const inB = counterId(meetingB)
    expect(inA).not.toBe(inB)
    vi.resetModules()
    const afterReload = await reloaded()
    expect(afterReload(meetingA)).toBe(inA)
    expect(afterReload(meetingB)).toBe(inB)
  })

  it('keeps one id for the page when storage is refused', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('refused')
      },
      setItem: () => {
        throw new Error('refused')
      },
    })
    const counterId = await reloaded()
    expect(counterId(meetingA)).toBe(counterId(meetingA))
    expect(counterId(meetingA)).not.toBe(counterId(meetingB))
  })
})
