/**
 * The contract between the app and the relay, beyond the standard y-websocket messages.
 * Shared by `src/sync` and `sync-server/` so both sides read the same constants.
 *
 * A client opens `ws(s)://<relay>/sync/<roomId>` with two WebSocket subprotocols:
 * `tandem.v1` (the relay answers with it) and `key.<capability key>`. The key travels in a
 * header rather than the URL so it never lands in access logs or proxy URLs.
 */
export const SYNC_PATH = '/sync'
export const SUBPROTOCOL = 'tandem.v1'
export const KEY_PROTOCOL_PREFIX = 'key.'

/**
 * A meeting's dated snapshots on the relay: `GET <relay>/snapshots/<roomId>` lists them (JSON),
 * `GET <relay>/snapshots/<roomId>/<at>` gives one (a Yjs update). Both need the meeting's write
 * key in the `Authorization: Bearer <key>` header — never in the URL.
 */
export const SNAPSHOTS_PATH = '/snapshots'

export interface SnapshotListing {
  snapshots: Array<{ at: number; bytes: number }>
}

/**
 * Close codes the relay sends. The stock y-websocket client stops reconnecting on 4400–4499
 * (permanent: retrying cannot help) and reconnects, with back-off, on anything else — 4500–4599
 * being the matching "try again later" range. Listed in docs/protocol.md, section 3.
 */
export const CloseCode = {
  /** The relay is shutting down; reconnect later. */
  goingAway: 1001,
  /** A message larger than `MAX_MESSAGE_BYTES` (sent by the `ws` library itself). */
  messageTooBig: 1009,
  /** The room's file cannot be read right now (disk error); reconnect later. */
  storageUnavailable: 1011,
  /** The client reads too slowly: the relay's buffer for it is full; reconnect later. */
  tryAgainLater: 1013,
  /** Malformed room name, missing subprotocol or undecodable message. */
  badRequest: 4400,
  /** No key, or a key that does not open this room. */
  invalidKey: 4401,
  /** A browser page from an origin the relay does not serve (`ALLOWED_ORIGINS`). */
  forbiddenOrigin: 4403,
  /** The change would make the meeting larger than `MAX_DOCUMENT_BYTES`. */
  documentTooLarge: 4413,
  /** The room has `MAX_CONNECTIONS_PER_ROOM` connections already; retry later. */
  roomFull: 4503,
  /** The relay has `MAX_ROOMS` meetings loaded and none idle to unload; retry later. */
  relayFull: 4507,
  /** More messages or bytes per second than the relay allows one connection; retry later. */
  rateLimited: 4529,
} as const

/**
 * What the relay accepts by default (`MAX_MESSAGE_BYTES`, `MAX_DOCUMENT_BYTES`): the app refuses
 * to import a hand-over file whose changes could not reach it, instead of finding out from the
 * relay closing the connection every few seconds.
 */
export const RELAY_DEFAULT_LIMITS = {
  messageBytes: 8 * 1024 * 1024,
  documentBytes: 32 * 1024 * 1024,
} as const

/** What the y-websocket client does with a code: stop for good (4400–4499) or retry. */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500
}

/**
 * `atelier.<atelierId>.<atelierKey>`: sent with the read key by an atelier tablet, whose updates
 * the relay then applies when they stay within that atelier (docs/protocol.md, section 1).
 */
export const ATELIER_PROTOCOL_PREFIX = 'atelier.'

export function protocolsFor(key: string, atelier?: { id: string; key: string }): string[] {
  const protocols = [SUBPROTOCOL, KEY_PROTOCOL_PREFIX + key]
  if (atelier) protocols.push(`${ATELIER_PROTOCOL_PREFIX}${atelier.id}.${atelier.key}`)
  return protocols
}
