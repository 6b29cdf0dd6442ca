import { describe, expect, it } from 'vitest'
import { ConnectionBudget, ConnectionBudgets, TokenBucket } from './limits'

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

describe('ConnectionBudgets', () => {
  const limits = { messagesPerSecond: 100, bytesPerSecond: 1024, maxMessageBytes: 1024 }
  /** Spends every request for the whole document the budget holds at `nowMs`. */
  const drain = (budget: ConnectionBudget, nowMs: number) => {
    while (budget.stateRequest(nowMs));
  }

  it('gives a connection from where a drained budget was left that budget, not a full one', () => {
    const budgets = new ConnectionBudgets(limits)
    const first = budgets.take('room write 10.0.0.7', 0)
    drain(first, 0)
    budgets.leave('room write 10.0.0.7', first, 0)
    expect(budgets.take('room write 10.0.0.7', 100)).toBe(first)
    expect(first.stateRequest(100)).toBe(false)
    // Elsewhere (another key, address or meeting), and once nothing is left: full budgets.
    budgets.leave('room write 10.0.0.7', first, 100)
    expect(budgets.take('room read 10.0.0.7', 100).stateRequest(100)).toBe(true)
    expect(budgets.take('room write 10.0.0.7', 100)).toBe(first)
    expect(budgets.take('room write 10.0.0.7', 100).stateRequest(100)).toBe(true)
  })

  it('hands the budgets left at one place out oldest first, and forgets them once refilled', () => {
    const budgets = new ConnectionBudgets(limits)
    const [a, b] = [budgets.take('p', 0), budgets.take('p', 0)]
    budgets.leave('p', a!, 0)
    budgets.leave('p', b!, 1000)
    expect(budgets.take('p', 2000)).toBe(a)
    // 10 s refill for the whole-document requests: b, left at 1 s, is then as good as new.
    const refill = b!.refillMs
    expect(refill).toBe(10_000)
    expect(budgets.take('p', 1000 + refill)).not.toBe(b)
  })

  it('does not keep places nobody comes back to', () => {
    const budgets = new ConnectionBudgets(limits)
    for (let i = 0; i < 100; i++) budgets.leave(`p${i}`, budgets.take(`p${i}`, 0), 0)
    expect(budgets.size).toBe(100)
    budgets.leave('late', budgets.take('late', 20_000), 20_000)
    expect(budgets.size).toBe(1)
  })
})
