/**
 * Who may open a WebSocket on `/sync/<roomId>`: the room name must be well formed, the client must
 * speak `tandem.v1`, and the `key.<key>` subprotocol must open that room, for writing or reading.
 * The relay keeps no secret: `accessFor` derives the room id from the key and compares the
 * digests in constant time (`timingSafeEqual`). Neither the key nor the header is ever logged:
 * a refusal is reported by its kind only.
 */
import { timingSafeEqual } from 'node:crypto'
import { accessFor, roomIdSchema, type Access, type RoomId } from '../src/links/capability'
import { KEY_PROTOCOL_PREFIX, SUBPROTOCOL, SYNC_PATH } from '../src/sync/protocol'
import type { RefusalKind } from './refusals'

export type Admission =
  { ok: true; roomId: RoomId; access: Access } | { ok: false; refusal: RefusalKind }

/** `pathname` starts with `/sync/`; `protocolHeader` is the raw `Sec-WebSocket-Protocol` header. */
export function admit(pathname: string, protocolHeader: string | undefined): Admission {
  const roomId = roomIdSchema.safeParse(pathname.slice(SYNC_PATH.length + 1))
  if (!roomId.success) return { ok: false, refusal: 'badRoom' }
  const protocols = (protocolHeader ?? '').split(',').map((protocol) => protocol.trim())
  if (!protocols.includes(SUBPROTOCOL)) return { ok: false, refusal: 'noSubprotocol' }
  const key = protocols.find((protocol) => protocol.startsWith(KEY_PROTOCOL_PREFIX))
  const access =
    key && accessFor(roomId.data, key.slice(KEY_PROTOCOL_PREFIX.length), timingSafeEqual)
  if (!access) return { ok: false, refusal: 'invalidKey' }
  return { ok: true, roomId: roomId.data, access }
}
