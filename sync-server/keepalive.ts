/**
 * Keeps quiet connections open and finds dead ones. Every `intervalMs`, each tracked socket gets
 * a ws ping (browsers answer it themselves) and a no-op y-websocket message: the client's own
 * watchdog counts messages, not pings, and drops a connection that received none for 30 s.
 * A socket that sent nothing, not even a pong, for `deadAfterMs` (tablet asleep, Wi-Fi gone) is
 * terminated, which frees its place in the room.
 */
import { WebSocket } from 'ws'
import { keepaliveMessage } from './messages'

export interface Keepalive {
  track(socket: WebSocket): void
  /** Sockets tracked: every open sync connection, and no more. */
  readonly size: number
  stop(): void
}

export function startKeepalive(
  intervalMs: number,
  deadAfterMs: number,
  onSent: (bytes: number) => void = () => {},
): Keepalive {
  const lastHeard = new Map<WebSocket, number>()
  const timer = setInterval(() => {
    const now = Date.now()
    for (const [socket, heard] of lastHeard) {
      if (now - heard > deadAfterMs) {
        socket.terminate()
      } else if (socket.readyState === WebSocket.OPEN) {
        socket.ping()
        socket.send(keepaliveMessage)
        onSent(keepaliveMessage.length)
      }
    }
  }, intervalMs)
  return {
    track(socket) {
      const heard = () => lastHeard.set(socket, Date.now())
      heard()
      socket.on('pong', heard)
      socket.on('message', heard)
      socket.on('close', () => {
        socket.off('pong', heard)
        socket.off('message', heard)
        lastHeard.delete(socket)
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
