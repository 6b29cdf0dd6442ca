/**
 * Per-connection rate limits, as token buckets: a bucket holds up to `capacity` tokens and refills
 * at `ratePerSecond`; a message takes one token from the message bucket and its size from the
 * byte bucket. A client under the rate never notices; a burst up to the capacity passes at once
 * (a reconnecting tablet sends its whole offline work in one message); a client that keeps
 * sending faster is closed with 4529 and reconnects later, and the room carries on.
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
}
