/**
 * Where the relay writes its terminal lines. Passed in rather than imported so tests can silence
 * or record it. Callers never pass keys, document content or query strings.
 */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

// Local wall-clock time: the coordinator compares it with the evening's timeline, not with UTC.
const stamp = () => new Date().toTimeString().slice(0, 8)

export const consoleLogger: Logger = {
  info: (message) => console.info(`${stamp()} ${message}`),
  warn: (message) => console.warn(`${stamp()} warning: ${message}`),
  error: (message) => console.error(`${stamp()} error: ${message}`),
}

/** Room ids are not secret (a hash of the read key) but 32 hex characters drown a terminal line. */
export const shortRoomId = (roomId: string) => roomId.slice(0, 8)
