import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeSocket } from '../tests/helpers/fakeSocket'
import { SLICES, startKeepalive, type Keepalive } from './keepalive'

const INTERVAL = 10_000
const DEAD_AFTER = 30_000

let keepalive: Keepalive
beforeEach(() => {
  vi.useFakeTimers()
  keepalive = startKeepalive(INTERVAL, DEAD_AFTER)
})
afterEach(() => {
  keepalive.stop()
  vi.useRealTimers()
})

function tracked(count: number): FakeSocket[] {
  const sockets = Array.from({ length: count }, () => new FakeSocket())
  for (const socket of sockets) keepalive.track(socket.asWebSocket)
  return sockets
}

const messagesTo = (sockets: FakeSocket[]) =>
  sockets.reduce((sum, socket) => sum + socket.sent.length, 0)

describe('keepalive', () => {
  it('spreads its messages over the interval instead of writing to every socket at once', () => {
    const sockets = tracked(200)
    let before = 0
    for (let turn = 0; turn < SLICES; turn++) {
      vi.advanceTimersByTime(INTERVAL / SLICES)
      const now = messagesTo(sockets)
      expect(now - before).toBeLessThanOrEqual(Math.ceil(200 / SLICES))
      before = now
    }
    // After one whole interval, every socket had its message, once.
    expect(sockets.map((socket) => socket.sent.length)).toEqual(sockets.map(() => 1))
  })

  it('pings only the sockets that sent nothing during the interval', () => {
    const [quiet, talking] = tracked(2) as [FakeSocket, FakeSocket]
    for (let step = 0; step < SLICES; step++) {
      vi.advanceTimersByTime(INTERVAL / SLICES)
      talking.receive(new Uint8Array([0, 2, 0]))
    }
    vi.advanceTimersByTime(INTERVAL)
    expect(quiet.pings).toBeGreaterThan(0)
    expect(talking.pings).toBe(0)
    expect(talking.sent.length).toBeGreaterThan(0)
  })

  it('terminates a socket silent for longer than the dead delay, and forgets it', () => {
    const [dead] = tracked(1) as [FakeSocket]
    vi.advanceTimersByTime(DEAD_AFTER + INTERVAL)
    expect(dead.closedWith).toBe('terminated')
    expect(keepalive.size).toBe(0)
  })
})
