import { describe, expect, it } from 'vitest'
import { ConnectionBudget, TokenBucket } from './limits'

describe('TokenBucket', () => {
  it('lets a burst up to its capacity through, then the sustained rate only', () => {
    const bucket = new TokenBucket(10, 30, 0)
    let passed = 0
    for (let i = 0; i < 100; i++) if (bucket.take(1, 0)) passed++
    expect(passed).toBe(30)
    // One second later: ten more, not eleven.
    passed = 0
    for (let i = 0; i < 100; i++) if (bucket.take(1, 1000)) passed++
    expect(passed).toBe(10)
  })

  it('never holds more than its capacity, however long it waited', () => {
    const bucket = new TokenBucket(10, 30, 0)
    expect(bucket.take(30, 3_600_000)).toBe(true)
    expect(bucket.take(1, 3_600_000)).toBe(false)
  })

  it('takes nothing when it refuses', () => {
    const bucket = new TokenBucket(1, 10, 0)
    expect(bucket.take(11, 0)).toBe(false)
    expect(bucket.take(10, 0)).toBe(true)
  })

  it('ignores a clock that goes backwards', () => {
    const bucket = new TokenBucket(1, 1, 1000)
    expect(bucket.take(1, 1000)).toBe(true)
    expect(bucket.take(1, 0)).toBe(false)
  })
})

describe('ConnectionBudget', () => {
  const limits = { messagesPerSecond: 100, bytesPerSecond: 1024, maxMessageBytes: 64 * 1024 }

  it('always lets one message of the largest size through', () => {
    const budget = new ConnectionBudget(limits, 0)
    expect(budget.message(64 * 1024, 0)).toBe(true)
    expect(budget.message(1, 0)).toBe(false)
    expect(budget.message(1024, 1000)).toBe(true)
  })

  it('counts messages as well as bytes', () => {
    const budget = new ConnectionBudget(limits, 0)
    let passed = 0
    for (let i = 0; i < 1000; i++) if (budget.message(1, 0)) passed++
    expect(passed).toBe(400) // four seconds of the rate at once
  })

  it('allows a few requests for the whole document, not a stream of them', () => {
    // The test's own clock: on a busy machine the real one can move a second mid-loop.
    const budget = new ConnectionBudget(limits, 0)
    let passed = 0
    for (let i = 0; i < 100; i++) if (budget.stateRequest(0)) passed++
    expect(passed).toBe(10)
    expect(budget.stateRequest(999)).toBe(false)
    expect(budget.stateRequest(1000)).toBe(true)
  })
})
