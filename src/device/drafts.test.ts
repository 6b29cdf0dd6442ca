import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryStorage } from '../../tests/helpers/memoryStorage'
import { loadDraft, saveDraft } from './drafts'

afterEach(() => vi.unstubAllGlobals())

describe('drafts', () => {
  it('keeps a draft until it is cleared', () => {
    vi.stubGlobal('localStorage', memoryStorage())
    expect(loadDraft('p')).toBe('')
    saveDraft('p', 'Une permanence le samedi')
    expect(loadDraft('p')).toBe('Une permanence le samedi')
    saveDraft('p', '')
    expect(loadDraft('p')).toBe('')
  })

  it('never throws when storage is blocked', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
    })
    expect(loadDraft('p')).toBe('')
    expect(() => saveDraft('p', 'x')).not.toThrow()
  })
})
