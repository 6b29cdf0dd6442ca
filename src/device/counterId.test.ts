import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryStorage } from '../../tests/helpers/memoryStorage'
import type { RoomId } from '../links/capability'

const meetingA = 'a'.repeat(32) as RoomId
const meetingB = 'b'.repeat(32) as RoomId

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
})

const never = () => false

/** A fresh copy of the module, as after a reload of the page. */
const reloaded = async () => (await import('./counterId')).counterId

describe('counterId', () => {
  it('counts under a different id in each meeting, the same one after a reload', async () => {
    vi.stubGlobal('localStorage', memoryStorage())
    const counterId = await reloaded()
    const inA = counterId(meetingA, never)
    const inB = counterId(meetingB, never)
    expect(inA).not.toBe(inB)
    vi.resetModules()
    const afterReload = await reloaded()
    expect(afterReload(meetingA, never)).toBe(inA)
    expect(afterReload(meetingB, never)).toBe(inB)
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
    expect(counterId(meetingA, never)).toBe(counterId(meetingA, never))
    expect(counterId(meetingA, never)).not.toBe(counterId(meetingB, never))
  })

  it('keeps the id an older version counted under, in that document only', async () => {
    const storage = memoryStorage()
    storage.setItem('tandem-counter-id', 'old-global-id')
    vi.stubGlobal('localStorage', storage)
    const counterId = await reloaded()
    expect(counterId(meetingA, (id) => id === 'old-global-id')).toBe('old-global-id')
    expect(counterId(meetingB, never)).not.toBe('old-global-id')
  })
})
