import { describe, expect, it } from 'vitest'
import {
  classify,
  reportStorageError,
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
    reportStorageError(new Error('network'))
    expect(storageProblem()).toBeNull()
    reportStorageError(new DOMException('full', 'QuotaExceededError'))
    reportStorageError(new DOMException('full', 'QuotaExceededError'))
    expect(storageProblem()).toBe('quota')
    expect(calls).toBe(1)
    unsubscribe()
  })
})
