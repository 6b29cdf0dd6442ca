// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { useWakeLock } from './useWakeLock'

/** The Screen Wake Lock API, as a tablet's browser offers it; each lock is granted on `grant()`. */
class FakeWakeLock {
  requests = 0
  held = 0
  #pending: Array<() => void> = []
  request(): Promise<WakeLockSentinel> {
    this.requests += 1
    return new Promise((resolve) =>
      this.#pending.push(() => {
        this.held += 1
        resolve({ release: async () => void (this.held -= 1) } as WakeLockSentinel)
      }),
    )
  }
  async grant(): Promise<void> {
    await act(async () => {
      for (const grant of this.#pending.splice(0)) grant()
    })
  }
}

let wakeLock: FakeWakeLock

beforeEach(() => {
  wakeLock = new FakeWakeLock()
  Object.defineProperty(navigator, 'wakeLock', { value: wakeLock, configurable: true })
})

afterEach(() => {
  cleanup()
  Reflect.deleteProperty(navigator, 'wakeLock')
})

describe('useWakeLock', () => {
  it('keeps the screen on while the timer runs, and lets it go when it stops', async () => {
    const lock = renderHook((active: boolean) => useWakeLock(active), false)
    expect(wakeLock.requests).toBe(0)
    lock.rerender(true)
    await wakeLock.grant()
    expect(wakeLock.held).toBe(1)
    lock.rerender(false)
    await act(async () => undefined)
    expect(wakeLock.held).toBe(0)
  })

  it('releases a lock granted after the screen was left', async () => {
    const lock = renderHook((active: boolean) => useWakeLock(active), true)
    lock.unmount()
    await wakeLock.grant()
    expect(wakeLock.held).toBe(0)
  })

  it('takes the lock again when the page comes back (the browser dropped it when hidden)', async () => {
    renderHook((active: boolean) => useWakeLock(active), true)
    await wakeLock.grant()
    act(() => document.dispatchEvent(new Event('visibilitychange')))
    expect(wakeLock.requests).toBe(2)
  })
})
