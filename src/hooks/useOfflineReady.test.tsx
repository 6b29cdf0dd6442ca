// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { useOfflineReady } from './useOfflineReady'

/** The page's service worker container: `controller` set on a later visit, `ready` once active. */
function serviceWorker(controller: object | null) {
  let activate: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (activate = resolve))
  Object.defineProperty(navigator, 'serviceWorker', {
    value: { controller, ready },
    configurable: true,
  })
  return { activate: () => act(async () => activate()) }
}

afterEach(() => {
  cleanup()
  Reflect.deleteProperty(navigator, 'serviceWorker')
})

describe('useOfflineReady', () => {
  it('says so once the service worker is active, on the first visit', async () => {
    const worker = serviceWorker(null)
    const ready = renderHook(() => useOfflineReady(), undefined)
    expect(ready.current).toBe(false)
    await worker.activate()
    expect(ready.current).toBe(true)
  })

  it('says so at once on a later visit, when the worker already controls the page', () => {
    serviceWorker({})
    expect(renderHook(() => useOfflineReady(), undefined).current).toBe(true)
  })
})
