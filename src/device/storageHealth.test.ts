import { describe, expect, it } from 'vitest'
import {
  classify,
  reportStorageError,
  setStorageProblem,
  storageProblem,
  subscribeStorageProblem,
} from './storageHealth'

describe('storage health', () => {
  it('recognises storage failures, including ones wrapped by Dexie', () => {
    expect(classify(new DOMException('full', 'QuotaExceededError'))).toBe('quota')
    expect(
      classify({ name: 'OpenFailedError', inner: new DOMException('x', 'UnknownError') }),
    ).toBe('unavailable')
    expect(classify({ name: 'DexieError', inner: { name: 'QuotaExceededError' } })).toBe('quota')
    expect(classify(new TypeError('not storage'))).toBeNull()
    expect(classify('QuotaExceededError')).toBeNull()
  })

  it('tells listeners once about a new problem and ignores unrelated errors', () => {
    let calls = 0
    const unsubscribe = subscribeStorageProblem(() => calls++)
    reportStorageError(new Error('network'), 'test-a')
    expect(storageProblem()).toBeNull()
    reportStorageError(new DOMException('full', 'QuotaExceededError'), 'test-a')
    reportStorageError(new DOMException('full', 'QuotaExceededError'), 'test-a')
    expect(storageProblem()).toBe('quota')
    expect(calls).toBe(1)
    setStorageProblem('test-a', null)
    expect(storageProblem()).toBeNull()
    expect(calls).toBe(2)
    unsubscribe()
  })

  it('keeps each source’s problem until that source clears it, the full disk first', () => {
    setStorageProblem('meeting-1', 'unavailable')
    setStorageProblem('meeting-2', 'quota')
    expect(storageProblem()).toBe('quota')
    setStorageProblem('meeting-2', null)
    expect(storageProblem()).toBe('unavailable') // meeting 1 still cannot save
    setStorageProblem('meeting-1', null)
    expect(storageProblem()).toBeNull()
  })
})
