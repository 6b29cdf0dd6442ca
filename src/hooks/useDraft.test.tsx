// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, renderHook } from '../../tests/helpers/render'
import { useDraft } from './useDraft'

afterEach(() => {
  cleanup()
  localStorage.clear()
})

describe('useDraft', () => {
  it('gives back, after a reload, what was typed and not yet sent; nothing once it is sent', () => {
    const before = renderHook((key: string) => useDraft(key), 'proposal:room:atelier')
    act(() => before.current[1]('Un banc devant la mai'))
    before.unmount() // the tablet reloads

    const after = renderHook((key: string) => useDraft(key), 'proposal:room:atelier')
    expect(after.current[0]).toBe('Un banc devant la mai')
    expect(renderHook((key: string) => useDraft(key), 'proposal:room:other').current[0]).toBe('')

    act(() => after.current[1]('')) // sent
    after.unmount()
    expect(renderHook((key: string) => useDraft(key), 'proposal:room:atelier').current[0]).toBe('')
  })
})
