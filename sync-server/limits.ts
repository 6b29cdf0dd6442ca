/**
 * Per-connection rate limits, as token buckets: a bucket holds up to `capacity` tokens and refills
 * at `ratePerSecond`; a message takes one token from the message bucket and its size from the
 * byte bucket. A client under the rate never notices; a burst up to the capacity passes at once
 * (a reconnecting tablet sends its whole offline work in one message); a client that keeps
 * sending faster is closed with 4529 and reconnects later, and the room carries on. Reconnecting
 * does not refill a budget: it is carried over to the next connection from the same place
 * (`ConnectionBudgets`).
 */
export class TokenBucket {
  readonly ratePerSecond: number
  readonly capacity: number
  #tokens: number
  #lastMs: number

  /** Starts full. `nowMs` is a monotonic clock in milliseconds (tests pass their own). */
  constructor(ratePerSecond: number, capacity: number, nowMs = performance.now()) {
    this.ratePerSecond = ratePerSecond
    this.capacity = capacity
    this.#tokens = capacity
    this.#lastMs = nowMs
  }

  /** How long an empty bucket takes to fill up again. */
  get refillMs(): number {
    return (this.capacity / this.ratePerSecond) * 1000
  }

  /** Takes `amount` tokens if the bucket has them; takes nothing and answers false otherwise. */
  take(amount: number, nowMs = performance.now()): boolean {
    const elapsed = Math.max(0, nowMs - this.#lastMs) / 1000
    this.#tokens = Math.min(this.capacity, this.#tokens + elapsed * this.ratePerSecond)
    this.#lastMs = nowMs
    if (amount > this.#tokens) return false
    this.#tokens -= amount
    return true
  }
}

export interface RateLimits {
  messagesPerSecond: number
  bytesPerSecond: number
  /** The byte bucket always holds at least one message of this size. */
  maxMessageBytes: number
}

/**
 * How many seconds of the sustained rate a bucket holds: a tablet reconnecting after a Wi-Fi cut
 * sends its sync step 1, its offline edits and its presence at once.
 */
const BURST_SECONDS = 4

/**
 * Sync step 1 asks the relay for a diff of the whole document: cheap to send, costly to answer.
 * A client sends one per connection (y-websocket's optional resync: one every few seconds), so
 * one a second, ten at once, is far above any real client.
 */
const STEP1_PER_SECOND = 1
const STEP1_BURST = 10

export class ConnectionBudget {
  readonly #messages: TokenBucket
  readonly #bytes: TokenBucket
  readonly #step1: TokenBucket

  constructor(limits: RateLimits, nowMs = performance.now()) {
    this.#step1 = new TokenBucket(STEP1_PER_SECOND, STEP1_BURST, nowMs)
    this.#messages = new TokenBucket(
      limits.messagesPerSecond,
      limits.messagesPerSecond * BURST_SECONDS,
      nowMs,
    )
    this.#bytes = new TokenBucket(
      limits.bytesPerSecond,
      Math.max(limits.maxMessageBytes, limits.bytesPerSecond * BURST_SECONDS),
      nowMs,
    )
  }

  /** Accounts one incoming message of `bytes`; false means the connection is over its rate. */
  message(bytes: number, nowMs = performance.now()): boolean {
    return this.#messages.take(1, nowMs) && this.#bytes.take(bytes, nowMs)
  }

  /** Accounts one sync step 1 (a request for the whole document). */
  stateRequest(nowMs = performance.now()): boolean {
    return this.#step1.take(1, nowMs)
  }

  /** How long, unused, until it is as full as a new one: past that, keeping it is pointless. */
  get refillMs(): number {
    return Math.max(this.#messages.refillMs, this.#bytes.refillMs, this.#step1.refillMs)
  }
}

/**
 * The budgets of connections, carried over reconnections: a connection that closes leaves its
 * budget where it came from (a meeting, a key, a network address), for the time that budget needs
 * to refill; a new connection from there takes up the one left longest ago, or a full one if none
 * is left. So a client refused for its rate (4529) that reconnects at once resumes at the rate,
 * instead of a new burst per connection.
 *
 * A whole evening's tablets share one address behind the venue's Wi-Fi, often one key (old atelier
 * links are the write key): each cut leaves as many budgets as devices, each nearly full (a tablet
 * uses a fraction of the rate), and each device coming back takes one of them. Coming back costs a
 * device one request for the whole document, two with offline work: a burst of ten, one a second.
 */
export class ConnectionBudgets {
  readonly #limits: RateLimits
  readonly #left = new Map<string, Array<{ budget: ConnectionBudget; expiresMs: number }>>()
  #nextSweepMs = 0

  constructor(limits: RateLimits) {
    this.#limits = limits
  }

  /** Budgets left and not yet expired (for tests). */
  get size(): number {
    let size = 0
    for (const left of this.#left.values()) size += left.length
    return size
  }

  /** The budget of a new connection from `place`. */
  take(place: string, nowMs = performance.now()): ConnectionBudget {
    const left = this.#left.get(place)
    while (left && left.length > 0) {
      const { budget, expiresMs } = left.shift()!
      if (left.length === 0) this.#left.delete(place)
      if (expiresMs > nowMs) return budget
    }
    return new ConnectionBudget(this.#limits, nowMs)
  }

  /** Keeps the budget of a connection from `place` that closed, until it has refilled. */
  leave(place: string, budget: ConnectionBudget, nowMs = performance.now()): void {
    const expiresMs = nowMs + budget.refillMs
    const left = this.#left.get(place)
    if (left) left.push({ budget, expiresMs })
    else this.#left.set(place, [{ budget, expiresMs }])
    // Places nobody comes back to are forgotten, at most one sweep per refill time.
    if (nowMs < this.#nextSweepMs) return
    this.#nextSweepMs = nowMs + budget.refillMs
    for (const [key, entries] of this.#left) {
      const kept = entries.filter((entry) => entry.expiresMs > nowMs)
      if (kept.length === 0) this.#left.delete(key)
      else this.#left.set(key, kept)
    }
  }
}
