/**
 * Every reason the relay closes a connection, with the close code the client receives, the
 * reason text sent with it (short, English, never a key or any content) and the label counted
 * in `/metrics` (`tandem_refusals_total{reason="…"}`). One table, so the code, the docs and the
 * metrics cannot drift apart.
 *
 * Permanent refusals (44xx) stop the stock y-websocket client for good; transient ones (1xxx,
 * 45xx) make it reconnect with back-off.
 */
import { CloseCode } from '../src/sync/protocol'

export const REFUSALS = {
  badRoom: { code: CloseCode.badRequest, reason: 'bad room name', label: 'bad_room' },
  noSubprotocol: {
    code: CloseCode.badRequest,
    reason: 'tandem.v1 subprotocol required',
    label: 'no_subprotocol',
  },
  invalidKey: { code: CloseCode.invalidKey, reason: 'invalid key', label: 'invalid_key' },
  forbiddenOrigin: {
    code: CloseCode.forbiddenOrigin,
    reason: 'origin not allowed',
    label: 'forbidden_origin',
  },
  badMessage: { code: CloseCode.badRequest, reason: 'bad message', label: 'bad_message' },
  badUpdate: { code: CloseCode.badRequest, reason: 'bad update', label: 'bad_update' },
  missingDependencies: {
    code: CloseCode.badRequest,
    reason: 'update depends on unknown changes',
    label: 'missing_dependencies',
  },
  messageTooBig: {
    code: CloseCode.messageTooBig,
    reason: 'message too big',
    label: 'message_too_big',
  },
  badPresence: { code: CloseCode.badRequest, reason: 'bad presence', label: 'bad_presence' },
  documentTooLarge: {
    code: CloseCode.documentTooLarge,
    reason: 'document too large',
    label: 'document_too_large',
  },
  roomFull: { code: CloseCode.roomFull, reason: 'too many connections', label: 'room_full' },
  relayFull: { code: CloseCode.relayFull, reason: 'too many meetings', label: 'relay_full' },
  rateLimited: { code: CloseCode.rateLimited, reason: 'too many messages', label: 'rate_limited' },
  slowReader: { code: CloseCode.tryAgainLater, reason: 'reading too slowly', label: 'slow_reader' },
  storageUnavailable: {
    code: CloseCode.storageUnavailable,
    reason: 'storage unavailable',
    label: 'storage_unavailable',
  },
  shuttingDown: {
    code: CloseCode.goingAway,
    reason: 'relay shutting down',
    label: 'shutting_down',
  },
} as const

export type RefusalKind = keyof typeof REFUSALS
export type Refusal = (typeof REFUSALS)[RefusalKind]

/**
 * Updates refused without closing the connection (counted like the refusals above): an atelier
 * tablet's update that reaches beyond its atelier, and presence entries for another connection's
 * awareness ids (`room.ts`). Closing would not help — Yjs cannot split an update, a tablet may
 * carry changes of others it cannot send, stock clients echo others' presence — and the device's
 * own work must keep flowing.
 */
export const UPDATE_REFUSAL_LABELS = {
  outOfScope: 'out_of_scope',
  foreignPresence: 'foreign_presence',
} as const

/** Labels of refusals made by the `ws` library itself (its own close, before the relay sees it). */
export const WS_REFUSAL_LABELS = {
  tooBig: 'message_too_big',
  badFrame: 'bad_frame',
} as const
