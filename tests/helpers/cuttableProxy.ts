/**
 * A TCP proxy in front of the relay for one device, whose network the test breaks: `cut()` drops
 * every open connection — whatever was in flight, a WebSocket frame cut in the middle included —
 * and refuses new ones until `restore()`. Like a tablet walking out of Wi-Fi range and back.
 *
 * The end-to-end tests put one in front of each browser device (Chromium's offline emulation
 * alone stops page loads but leaves WebSockets to localhost running, so they cut both); the
 * fault-matrix tests put one in front of each y-websocket client.
 */
import { connect, createServer, type Socket } from 'node:net'
import { SYNC_PATH } from '../../src/sync/protocol'

export interface CuttableProxy {
  /** What a browser opens: `localhost`, as the links the relay's app formats. */
  url: string
  /** The `serverUrl` for a `WebsocketProvider` going through this proxy. */
  syncUrl: string
  readonly up: boolean
  cut(): void
  restore(): void
  /** Cuts and stops listening. */
  close(): Promise<void>
}

export async function startCuttableProxy(targetPort: number): Promise<CuttableProxy> {
  let up = true
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const server = createServer((client) => {
    if (!up) return client.destroy()
    const upstream = connect(targetPort, '127.0.0.1')
    track(client)
    track(upstream)
    client.pipe(upstream).pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('proxy has no port')
  const cut = () => {
    up = false
    for (const socket of sockets) socket.destroy()
  }
  return {
    url: `http://localhost:${address.port}`,
    syncUrl: `ws://127.0.0.1:${address.port}${SYNC_PATH}`,
    get up() {
      return up
    },
    cut,
    restore: () => {
      up = true
    },
    close: () => {
      cut()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
