/**
 * Just enough of a `ws` socket for a relay `Room`, without a network: tests feed it frames
 * (`receive`), read what the room sent (`sent`), see how it was closed (`closedWith`), and can
 * pretend its reader stalled (`bufferedAmount`).
 */
import { EventEmitter } from 'node:events'
import type { WebSocket } from 'ws'

export class FakeSocket extends EventEmitter {
  readyState: number = 1 // OPEN
  bufferedAmount = 0
  sent: Uint8Array[] = []
  pings = 0
  closedWith: number | 'terminated' | null = null

  send(data: Uint8Array) {
    this.sent.push(data)
  }
  ping() {
    this.pings += 1
  }
  close(code: number) {
    this.closedWith = code
    this.readyState = 2 // CLOSING
  }
  terminate() {
    this.closedWith = 'terminated'
    this.readyState = 3
    this.emit('close', 1006)
  }
  /** The peer finished the closing handshake. */
  finishClose() {
    if (this.readyState === 3) return
    this.readyState = 3
    this.emit('close', typeof this.closedWith === 'number' ? this.closedWith : 1005)
  }
  receive(frame: Uint8Array | string) {
    const isBinary = typeof frame !== 'string'
    this.emit('message', Buffer.from(frame), isBinary)
  }
  get asWebSocket(): WebSocket {
    return this as unknown as WebSocket
  }
}
