/**
 * Keeps quiet connections open and finds dead ones. Every `intervalMs`, each tracked socket gets
 * a no-op y-websocket message (the client's own watchdog counts messages, not pings, and drops a
 * connection that received none for 30 s) and, if it sent nothing during the last interval, a ws
 * ping (browsers answer it themselves). A socket that sent nothing, not even a pong, for
 * `deadAfterMs` (tablet asleep, Wi-Fi gone) is terminated, which frees its place in the room.
 *
 * The sockets are visited in `SLICES` turns spread over the interval, not all at once: a thousand
 * sockets pinged in one loop are two thousand socket writes in a row, a stall of tens of
 * milliseconds in every room's fan-out every interval (seen in the relay's tail latency).
 */
import { WebSocket } from 'ws'
import { keepaliveMessage } from './messages'

export interface Keepalive {
  track(socket: WebSocket): void
  /** Sockets tracked: every open sync connection, and no more. */
  readonly size: number
  stop(): void
}

/** Turns per interval: with 10 s, one every 500 ms, each visiting a twentieth of the sockets. */
export const SLICES = 20

export function startKeepalive(
  intervalMs: number,
  deadAfterMs: number,
  onSent: (bytes: number) => void = () => {},
): Keepalive {
  const lastHeard = new Map<WebSocket, number>()
  const slices = Array.from({ length: SLICES }, () => new Set<WebSocket>())
  let nextSlice = 0
  let turn = 0
  const timer = setInterval(() => {
    const now = Date.now()
    for (const socket of slices[turn]!) {
      const heard = lastHeard.get(socket)!
      if (now - heard > deadAfterMs) {
        socket.terminate()
      } else if (socket.readyState === WebSocket.OPEN) {
        if (now - heard >= intervalMs) socket.ping()
        socket.send(keepaliveMessage)
        onSent(keepaliveMessage.length)
      }
    }
    turn = (turn + 1) % SLICES
  }, intervalMs / SLICES)
  return {
    track(socket) {
      const slice = slices[nextSlice]!
      nextSlice = (nextSlice + 1) % SLICES
      const heard = () => lastHeard.set(socket, Date.now())
      heard()
      slice.add(socket)
      socket.on('pong', heard)
      socket.on('message', heard)
      socket.on('close', () => {
        socket.off('pong', heard)
        socket.off('message', heard)
        lastHeard.delete(socket)
        slice.delete(socket)
      })
    },
    get size() {
      return lastHeard.size
    },
    stop() {
      clearInterval(timer)
    },
  }
}
