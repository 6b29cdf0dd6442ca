/**
 * Who may open a WebSocket on `/sync/<roomId>`: the room name must be well formed, the client must
 * speak `tandem.v1`, and the `key.<key>` subprotocol must open that room, for writing or reading.
 * The relay keeps no secret: `accessFor` derives the room id from the key and compares.
 */
import { timingSafeEqual } from 'node:crypto'
import { accessFor, roomIdSchema, type Access, type RoomId } from '../src/links/capability'
import { CloseCode, KEY_PROTOCOL_PREFIX, SUBPROTOCOL, SYNC_PATH } from '../src/sync/protocol'

export type Admission =
  { ok: true; roomId: RoomId; access: Access } | { ok: false; code: number; reason: string }

/** `pathname` starts with `/sync/`; `protocolHeader` is the raw `Sec-WebSocket-Protocol` header. */
export function admit(pathname: string, protocolHeader: string | undefined): Admission {
  const roomId = roomIdSchema.safeParse(pathname.slice(SYNC_PATH.length + 1))
  if (!roomId.success) return { ok: false, code: CloseCode.badRequest, reason: 'bad room name' }
  const protocols = (protocolHeader ?? '').split(',').map((protocol) => protocol.trim())
  if (!protocols.includes(SUBPROTOCOL)) {
    return { ok: false, code: CloseCode.badRequest, reason: `${SUBPROTOCOL} subprotocol required` }
  }
  const key = protocols.find((protocol) => protocol.startsWith(KEY_PROTOCOL_PREFIX))
  const access =
    key && accessFor(roomId.data, key.slice(KEY_PROTOCOL_PREFIX.length), timingSafeEqual)
  if (!access) return { ok: false, code: CloseCode.invalidKey, reason: 'invalid key' }
  return { ok: true, roomId: roomId.data, access }
}
