/**
 * A WebSocket that never connects, for a `MeetingSession` in a unit test: the session stays
 * "connecting", so the only status changes are those the test makes (saves, edits, sync time).
 */
export class SilentSocket {
  binaryType = 'arraybuffer'
  onopen = null
  onmessage = null
  onerror = null
  onclose = null
  send() {}
  close() {}
}

/** `SilentSocket` as the session's `WebSocketImpl` option takes it. */
export const silentWebSocket = SilentSocket as unknown as typeof WebSocket
