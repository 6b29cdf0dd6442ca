import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadDraft, saveDraft } from './drafts'

function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size
    },
  }
}

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
