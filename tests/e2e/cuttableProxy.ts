/**
 * A TCP proxy in front of the relay for one device, with a switch: `cut()` drops every open
 * connection and refuses new ones, as a dead wifi would. Chromium's offline emulation alone
 * stops page loads but leaves WebSockets to localhost running, so tests cut both.
 */
import { createServer, connect, type Socket } from 'node:net'

export interface CuttableProxy {
  url: string
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function startCuttableProxy(targetPort: number): Promise<CuttableProxy> {
  let open = true
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const server = createServer((client) => {
    if (!open) return client.destroy()
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
    open = false
    for (const socket of sockets) socket.destroy()
  }
  return {
    url: `http://localhost:${address.port}`,
    cut,
    restore: () => {
      open = true
    },
    close: () => {
      cut()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
