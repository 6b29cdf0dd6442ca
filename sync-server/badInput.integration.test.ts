/**
 * Nobody without a link gets in, and knocking leaves no trace: wrong keys, rooms that no key
 * opens, malformed subprotocols, room names with path tricks and foreign web pages are refused
 * with the documented code (or a plain 404 for paths outside `/sync/`), and the data directory
 * holds nothing afterwards. The handshakes are written by hand, so paths reach the relay exactly
 * as typed (`..`, `%2e`, `%00`), which no WebSocket library would send.
 */
import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { request } from 'node:http'
import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { SUBPROTOCOL, protocolsFor } from '../src/sync/protocol'
import { syncUpdateFrame, textUpdate } from '../tests/helpers/frames'
import {
  Teardown,
  connectClient,
  openRawSocket,
  startRelay,
  tempDir,
  type TestRelay,
} from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'

const teardown = new Teardown()
afterEach(() => teardown.run())

type Outcome = { status: number } | { closeCode: number }

/**
 * A hand-written WebSocket handshake; resolves with the HTTP status of a refused upgrade, the
 * close code of a refused connection, or status 101 for an admitted one.
 */
function knock(
  relay: TestRelay,
  path: string,
  protocols: string | undefined,
  origin?: string,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    }
    if (protocols !== undefined) headers['Sec-WebSocket-Protocol'] = protocols
    if (origin !== undefined) headers.Origin = origin
    const req = request({ host: '127.0.0.1', port: relay.port, path, headers })
    req.on('error', reject)
    req.on('response', (res) => {
      res.resume()
      resolve({ status: res.statusCode ?? 0 })
    })
    req.on('upgrade', (_res, socket: Socket, head: Buffer) => {
      let data = head
      const done = () => {
        socket.destroy()
        // A server close frame: 0x88, unmasked length < 126, then the code (big-endian). Any
        // other first frame (the relay's sync step 1) means the connection was admitted.
        if (data[0] === 0x88) resolve({ closeCode: data.readUInt16BE(2) })
        else resolve({ status: 101 })
      }
      if (data.length >= 4) return done()
      socket.on('data', (chunk: Buffer) => {
        data = Buffer.concat([data, chunk])
        if (data.length >= 4) done()
      })
      socket.on('error', reject)
    })
    req.end()
  })
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.map(String).sort()
}

describe('bad input at the door', () => {
  it('refuses every knock without the right key or with a tricky path, and creates nothing', async () => {
    const dir = await tempDir(teardown)
    const relay = await startRelay(teardown, dir)
    const writeKey = newWriteKey()
    const { roomId, readKey } = capabilityFromKey(writeKey, 'write')
    const other = capabilityFromKey(newWriteKey(), 'write')
    const unknownRoom = capabilityFromKey(newWriteKey(), 'write').roomId
    const good = protocolsFor(writeKey).join(', ')

    const attempts: Array<[string, string, string | undefined, Outcome, string?]> = [
      // Keys
      [
        'a random key',
        `/sync/${roomId}`,
        protocolsFor(newWriteKey()).join(', '),
        { closeCode: 4401 },
      ],
      [
        'another meeting’s write key',
        `/sync/${roomId}`,
        protocolsFor(other.writeKey!).join(','),
        { closeCode: 4401 },
      ],
      [
        'another meeting’s read key',
        `/sync/${roomId}`,
        protocolsFor(other.readKey).join(','),
        { closeCode: 4401 },
      ],
      ['a room no key opens', `/sync/${unknownRoom}`, good, { closeCode: 4401 }],
      ['no key', `/sync/${roomId}`, SUBPROTOCOL, { closeCode: 4401 }],
      ['an empty key', `/sync/${roomId}`, `${SUBPROTOCOL}, key.`, { closeCode: 4401 }],
      [
        'a key with a bad alphabet',
        `/sync/${roomId}`,
        `${SUBPROTOCOL}, key.${'*'.repeat(43)}`,
        { closeCode: 4401 },
      ],
      [
        'a key one character short',
        `/sync/${roomId}`,
        `${SUBPROTOCOL}, key.${writeKey.slice(1)}`,
        { closeCode: 4401 },
      ],
      [
        'the room id as key',
        `/sync/${roomId}`,
        `${SUBPROTOCOL}, key.${roomId}`,
        { closeCode: 4401 },
      ],
      ['no tandem.v1', `/sync/${roomId}`, `key.${writeKey}`, { closeCode: 4400 }],
      ['no subprotocol at all', `/sync/${roomId}`, undefined, { closeCode: 4400 }],
      // Room names
      ['an upper-case room', `/sync/${roomId.toUpperCase()}`, good, { closeCode: 4400 }],
      ['a room with a suffix', `/sync/${roomId}.log`, good, { closeCode: 4400 }],
      ['a NUL byte', `/sync/${roomId}%00`, good, { closeCode: 4400 }],
      ['a trailing slash', `/sync/${roomId}/`, good, { closeCode: 4400 }],
      ['a double slash', `/sync//${roomId}`, good, { closeCode: 4400 }],
      ['an encoded slash', `/sync/..%2f..%2f${roomId}`, good, { closeCode: 4400 }],
      ['an encoded traversal', `/sync/%2e%2e%2frooms%2f${roomId}`, good, { closeCode: 4400 }],
      ['a non-ASCII room', `/sync/${roomId.slice(0, 31)}%C3%A9`, good, { closeCode: 4400 }],
      ['a very long room', `/sync/${'a'.repeat(4000)}`, good, { closeCode: 4400 }],
      // Paths that leave /sync/ once resolved are not sync paths at all.
      ['a traversal out of /sync', `/sync/../rooms/${roomId}`, good, { status: 404 }],
      ['an encoded traversal out', `/sync/%2e%2e/%2e%2e/etc/passwd`, good, { status: 404 }],
      ['another prefix', `/SYNC/${roomId}`, good, { status: 404 }],
      // URLs read a backslash as a slash: this one resolves out of /sync/ too.
      ['a backslash traversal', `/sync/..\\..\\${roomId}`, good, { status: 404 }],
      // Browsers on a page the relay did not serve
      ['a foreign page', `/sync/${roomId}`, good, { closeCode: 4403 }, 'https://evil.example'],
      ['an opaque origin', `/sync/${roomId}`, good, { closeCode: 4403 }, 'null'],
    ]
    for (const [what, path, protocols, expected, origin] of attempts) {
      expect(await knock(relay, path, protocols, origin), what).toEqual(expected)
    }

    // Nothing was loaded, nothing was written.
    expect(relay.relay.stats()).toMatchObject({ rooms: 0, connections: 0, sockets: 0 })
    expect(await filesIn(dir)).toEqual(['rooms'])
    const log = relay.logger.lines.join('\n')
    for (const key of [writeKey, readKey, other.writeKey!, other.readKey]) {
      expect(log).not.toContain(key)
    }

    // The same door opens for the right key, from the relay's own page or from a program.
    expect(await knock(relay, `/sync/${roomId}`, good, `http://127.0.0.1:${relay.port}`)).toEqual({
      status: 101,
    })
  })

  it('stores nothing a read key sends, and nothing for a write key that only looked', async () => {
    const dir = await tempDir(teardown)
    const relay = await startRelay(teardown, dir, { config: { roomIdleMs: 20 } })
    const writeKey = newWriteKey()
    const { roomId, readKey } = capabilityFromKey(writeKey, 'write')

    const looker = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
    await waitFor(() => looker.provider.synced, 'the write client to sync')
    const reader = await openRawSocket(teardown, relay.syncUrl, roomId, protocolsFor(readKey))
    reader.send(syncUpdateFrame(textUpdate('PAS ICI')))
    looker.provider.disconnect()
    reader.close()
    await waitFor(() => relay.relay.stats().rooms === 0, 'the room to be unloaded')
    expect(await filesIn(dir)).toEqual(['rooms'])
  })
})
