/**
 * The relay's log: one line per event, in logfmt (`key=value` pairs), readable in the terminal
 * of the coordinator's laptop and parseable by any log tool:
 *
 *   time=2026-12-03T19:42:07.120+01:00 level=info event=connection.opened room=aba3868f access=write
 *
 * What may appear is limited by the types: an event name and fields whose values are strings,
 * numbers or booleans. Callers never pass keys, document content, query strings or addresses of
 * devices: a room appears as the first 8 characters of its id (a hash, not a secret), a refusal
 * as its reason. The logger is passed in rather than imported so tests can record it.
 */
import { TokenBucket } from './limits'

export type LogValue = string | number | boolean | null
export type LogFields = Record<string, LogValue | undefined>
export type LogLevel = 'info' | 'warn' | 'error'

export interface Logger {
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

/** One logfmt line, without the time (callers add it). Undefined fields are left out. */
export function formatFields(level: LogLevel, event: string, fields: LogFields = {}): string {
  const pairs = [`level=${level}`, `event=${quote(event)}`]
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) pairs.push(`${key}=${quote(String(value))}`)
  }
  return pairs.join(' ')
}

function quote(value: string): string {
  return /^[^\s="\\]+$/.test(value) ? value : JSON.stringify(value)
}

/**
 * Local wall-clock time with its offset: the coordinator compares it with the evening's
 * timeline, and a log tool still gets an unambiguous instant.
 */
export function localTimestamp(date = new Date()): string {
  const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0')
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `.${pad(date.getMilliseconds(), 3)}${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  )
}

function line(level: LogLevel, event: string, fields?: LogFields): string {
  return `time=${localTimestamp()} ${formatFields(level, event, fields)}`
}

export const consoleLogger: Logger = {
  info: (event, fields) => console.info(line('info', event, fields)),
  warn: (event, fields) => console.warn(line('warn', event, fields)),
  error: (event, fields) => console.error(line('error', event, fields)),
}

/**
 * What one meeting may log at once, and then per second: an evening's worst honest moment is
 * every device reconnecting after a Wi-Fi cut (an opened and a closed line each, forty devices).
 */
export const LOG_FLOOD_LIMITS = { burst: 100, perSecond: 2, summaryMs: 10_000 }
const MAX_GUARDED_ROOMS = 256

/**
 * Keeps a flood of one meeting's events — a writer reconnecting at once after each refusal, as
 * the fuzz bench's attackers do — from drowning the coordinator's terminal, and the relay: each
 * line is a synchronous write, and these were its largest cost under attack. Per room (the
 * `room` field; events without one share a bucket), `burst` info and warn lines pass at once and
 * `perSecond` after that; the lines left out are counted and said in one `log.suppressed` line
 * `summaryMs` after the first of them. Errors always pass; `/metrics` counts every event anyway.
 */
export function floodGuarded(
  logger: Logger,
  limits = LOG_FLOOD_LIMITS,
  now = () => performance.now(),
): Logger {
  const rooms = new Map<string, { bucket: TokenBucket; suppressed: number }>()
  const summarize = (room: string) => {
    const entry = rooms.get(room)
    if (!entry || entry.suppressed === 0) return
    logger.warn('log.suppressed', { room: room || undefined, lines: entry.suppressed })
    rooms.delete(room) // a fresh bucket later: the summary closes the flood
  }
  const guarded =
    (level: 'info' | 'warn'): Logger['info'] =>
    (event, fields) => {
      const room = typeof fields?.room === 'string' ? fields.room : ''
      let entry = rooms.get(room)
      if (!entry) {
        // Meetings come and go over months: forget those that are not flooding.
        if (rooms.size >= MAX_GUARDED_ROOMS)
          for (const [key, { suppressed }] of rooms) if (suppressed === 0) rooms.delete(key)
        const bucket = new TokenBucket(limits.perSecond, limits.burst, now())
        rooms.set(room, (entry = { bucket, suppressed: 0 }))
      }
      if (entry.bucket.take(1, now())) return logger[level](event, fields)
      if (entry.suppressed++ === 0) setTimeout(() => summarize(room), limits.summaryMs).unref()
    }
  return { info: guarded('info'), warn: guarded('warn'), error: logger.error }
}

/** Room ids are not secret (a hash of the read key) but 32 hex characters drown a terminal line. */
export const shortRoomId = (roomId: string) => roomId.slice(0, 8)

/** The error code of a failed system call (`ENOSPC`, `EACCES`…), never a message with paths. */
export function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown'
}
