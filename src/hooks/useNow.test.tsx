// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { useNow } from './useNow'

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('useNow', () => {
  it('ticks at its interval, and at the new one when it changes', () => {
    const now = renderHook((interval: number) => useNow(interval), 1000)
    expect(now.current).toBe(1_000_000)
    act(() => vi.advanceTimersByTime(999))
    expect(now.current).toBe(1_000_000)
    act(() => vi.advanceTimersByTime(1))
    expect(now.current).toBe(1_001_000)

    now.rerender(60_000)
    act(() => vi.advanceTimersByTime(59_999))
    expect(now.current).toBe(1_001_000)
    act(() => vi.advanceTimersByTime(1))
    expect(now.current).toBe(1_061_000)
  })

  it('stops ticking once the screen is gone', () => {
    const now = renderHook((interval: number) => useNow(interval), 1000)
    now.unmount()
    expect(vi.getTimerCount()).toBe(0)
  })
})
