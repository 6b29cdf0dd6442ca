// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { useRelayAddresses } from './useRelayAddresses'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('useRelayAddresses', () => {
  it('is null while the relay is asked, then its addresses; one question for every screen', async () => {
    let answer: (body: unknown) => void = () => undefined
    const fetch = vi.fn(
      () =>
        new Promise<Response>((resolve) => {
          answer = (body) => resolve(new Response(JSON.stringify(body)))
        }),
    )
    vi.stubGlobal('fetch', fetch)
    const links = renderHook(() => useRelayAddresses(), undefined)
    const sheets = renderHook(() => useRelayAddresses(), undefined)
    expect(links.current).toBeNull()

    const addresses = { secure: ['https://192.168.1.20:8443'], plain: [], install: null }
    // Untrusted, like any answer from the network: a field it does not know is not kept.
    await act(async () => answer({ ...addresses, extra: '<script>' }))
    expect(links.current).toEqual(addresses)
    expect(sheets.current).toEqual(addresses)
    expect(fetch).toHaveBeenCalledTimes(1)
  })
})
