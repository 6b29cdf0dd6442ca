// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { newWriteKey, readKeyOf } from '../links/capability'
import { formatLinkFragment } from '../links/links'
import { navigate, useHash, useRoute } from './useRoute'

/** `navigate`, and the `hashchange` the browser fires after it, inside React's act. */
async function go(fragment: string) {
  await act(async () => {
    navigate(fragment)
    await new Promise<void>((resolve) =>
      window.addEventListener('hashchange', () => resolve(), { once: true }),
    )
  })
}

afterEach(async () => {
  cleanup()
  if (window.location.hash) await go('')
})

describe('useRoute', () => {
  it('opens the meeting a link names, and the home screen for anything else', async () => {
    const route = renderHook(() => useRoute(), undefined)
    expect(route.current).toEqual({ ok: false, reason: 'not-a-link' })

    const readKey = readKeyOf(newWriteKey())
    await go(formatLinkFragment({ kind: 'projection', readKey }))
    expect(route.current).toEqual({ ok: true, link: { kind: 'projection', readKey } })

    await go('#/projection/pas-une-cle')
    expect(route.current).toEqual({ ok: false, reason: 'invalid' })
  })

  it('gives the same route object while the fragment is the same, so screens do not re-open', async () => {
    const readKey = readKeyOf(newWriteKey())
    await go(formatLinkFragment({ kind: 'projection', readKey }))
    const route = renderHook(() => useRoute(), undefined)
    const first = route.current
    route.rerender(undefined)
    expect(route.current).toBe(first)
  })
})

describe('useHash', () => {
  it('follows the fragment of the routes that are not meeting links', async () => {
    const hash = renderHook(() => useHash(), undefined)
    await go('/installer')
    expect(hash.current).toBe('#/installer')
  })
})
