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

/** Close codes. 4400–4499 tell the y-websocket client not to reconnect. */
export const CloseCode = {
  /** Malformed room name, missing subprotocol or undecodable message. */
  badRequest: 4400,
  /** No key, or a key that does not open this room. */
  invalidKey: 4401,
  /** The relay is shutting down; reconnect later. */
  goingAway: 1001,
} as const

export function protocolsFor(key: string): string[] {
  return [SUBPROTOCOL, KEY_PROTOCOL_PREFIX + key]
}
