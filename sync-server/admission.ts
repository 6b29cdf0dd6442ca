/**
 * Who may open a WebSocket on `/sync/<roomId>`: the room name must be well formed, the client must
 * speak `tandem.v1`, and the `key.<key>` subprotocol must open that room, for writing or reading.
 * A read key with `atelier.<atelierId>.<atelierKey>` is an atelier tablet: the room lets it write
 * that atelier once the key matches the atelier's check in the document (`atelierScope.ts`).
 * The relay keeps no secret: `accessFor` derives the room id from the key and compares the
 * digests in constant time (`timingSafeEqual`). Neither the key nor the header is ever logged:
 * a refusal is reported by its kind only.
 */
import { timingSafeEqual } from 'node:crypto'
import {
  accessFor,
  atelierKeyCheck,
  keySchema,
  roomIdSchema,
  type RoomId,
} from '../src/links/capability'
import { atelierIdSchema } from '../src/links/links'
import {
  ATELIER_PROTOCOL_PREFIX,
  KEY_PROTOCOL_PREFIX,
  SUBPROTOCOL,
  SYNC_PATH,
} from '../src/sync/protocol'
import type { RefusalKind } from './refusals'

/**
 * What an admitted connection may write: the whole meeting, nothing, or one atelier — the hash
 * of the atelier key it presented (the key itself is not kept).
 */
export type Grant = 'write' | 'read' | AtelierGrant
export interface AtelierGrant {
  atelierId: string
  keyCheck: string
}

export type Admission =
  { ok: true; roomId: RoomId; access: Grant } | { ok: false; refusal: RefusalKind }

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
  const atelier = protocols.find((protocol) => protocol.startsWith(ATELIER_PROTOCOL_PREFIX))
  if (atelier === undefined || access === 'write') return { ok: true, roomId: roomId.data, access }
  const grant = atelierGrant(atelier.slice(ATELIER_PROTOCOL_PREFIX.length))
  if (!grant) return { ok: false, refusal: 'invalidKey' }
  return { ok: true, roomId: roomId.data, access: grant }
}

/** `<atelierId>.<atelierKey>`, both well formed, or null. */
function atelierGrant(value: string): AtelierGrant | null {
  const [id, key, ...rest] = value.split('.')
  const atelierId = atelierIdSchema.safeParse(id)
  const atelierKey = keySchema.safeParse(key)
  if (rest.length > 0 || !atelierId.success || !atelierKey.success) return null
  return { atelierId: atelierId.data, keyCheck: atelierKeyCheck(atelierKey.data) }
}
