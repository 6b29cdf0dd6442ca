/**
 * The reference relay: y-websocket's own server code (`@y/websocket-server@0.1.1`,
 * `setupWSConnection`) in a small http + ws server, without persistence, as its README shows.
 * Run as a child process by the bench; it prints `listening port=<port>` once it listens on
 * 127.0.0.1 (PORT=0 picks a free port). Each room is the URL path, as in the reference server:
 * `ws://127.0.0.1:<port>/<room>`.
 *
 * Not its `bin`: that one bundles an old `ws` and a LevelDB stack. The `ws` used here is the one
 * Tandem's relay uses, so the two differ only by what runs above the socket.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end('reference relay\n')
})
const wss = new WebSocketServer({ noServer: true })
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req, { gc: true }))
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening port=${(server.address() as AddressInfo).port}\n`)
})
process.on('SIGTERM', () => {
  for (const client of wss.clients) client.terminate()
  server.close(() => process.exit(0))
})
