/**
 * A lean y-websocket client for the load: one `ws` socket and one Y.Doc, speaking the sync
 * protocol exactly as `WebsocketProvider` does (sync step 1 on open, answers the relay's step 1,
 * sends each local update) — without awareness, timers or reconnection, so a thousand of them fit
 * in the bench's process and what the bench measures is the relay.
 *
 * Tandem's relay wants the `tandem.v1` and `key.<key>` subprotocols; the reference relay takes
 * any, so both get the same handshake.
 *
 * With `onRemoteUpdate`, the client keeps no copy of the room: what the relay sends is handed to
 * it instead of being applied (the open-loop load generator, whose thousand receivers must cost
 * less than the relay they measure). Its own edits never build on others', so they stay valid.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import {
  messageYjsSyncStep1,
  messageYjsSyncStep2,
  readSyncMessage,
  writeSyncStep1,
  writeUpdate,
} from 'y-protocols/sync'
import * as Y from 'yjs'
import { protocolsFor } from '../src/sync/protocol'

const MESSAGE_SYNC = 0
/** Origin of the client's own edits, so its update listener sends only those. */
const LOCAL = Symbol('local')

export class SyncClient {
  readonly doc = new Y.Doc()
  readonly socket: WebSocket
  /** Resolves once the relay's document reached this client (its sync step 2). */
  readonly synced: Promise<void>
  /** Closed by the relay, with its code. */
  closedWith: number | null = null

  constructor(url: string, key: string, onRemoteUpdate?: (update: Uint8Array) => void) {
    this.socket = new WebSocket(url, protocolsFor(key), { perMessageDeflate: false })
    this.socket.binaryType = 'nodebuffer'
    let markSynced: () => void
    let fail: (error: Error) => void
    this.synced = new Promise((resolve, reject) => {
      markSynced = resolve
      fail = reject
    })
    // A close after the sync is normal (the bench ends): nobody awaits `synced` any more then.
    this.synced.catch(() => {})
    this.socket.on('open', () => {
      this.#send((encoder) => writeSyncStep1(encoder, this.doc))
    })
    this.socket.on('error', (error) => fail(error))
    this.socket.on('close', (code) => {
      this.closedWith = code
      fail(new Error(`closed ${code}`))
    })
    this.socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(
        new Uint8Array(data.buffer, data.byteOffset, data.length),
      )
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return // presence, keepalive
      if (onRemoteUpdate && decoding.peekVarUint(decoder) !== messageYjsSyncStep1) {
        const kind = decoding.readVarUint(decoder)
        onRemoteUpdate(decoding.readVarUint8Array(decoder))
        if (kind === messageYjsSyncStep2) markSynced()
        return
      }
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MESSAGE_SYNC)
      const kind = readSyncMessage(decoder, reply, this.doc, this)
      if (encoding.length(reply) > 1) this.socket.send(encoding.toUint8Array(reply))
      if (kind === messageYjsSyncStep2) markSynced() // step 2: the relay's document is here
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) this.#send((encoder) => writeUpdate(encoder, update))
    })
  }

  /** Runs `change` as one local transaction; its update is sent to the relay at once. */
  edit(change: (doc: Y.Doc) => void): void {
    this.doc.transact(() => change(this.doc), LOCAL)
  }

  close(): void {
    this.socket.terminate()
    this.doc.destroy()
  }

  #send(write: (encoder: encoding.Encoder) => void): void {
    if (this.socket.readyState !== WebSocket.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    write(encoder)
    this.socket.send(encoding.toUint8Array(encoder))
  }
}
