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

/** Room ids are not secret (a hash of the read key) but 32 hex characters drown a terminal line. */
export const shortRoomId = (roomId: string) => roomId.slice(0, 8)

/** The error code of a failed system call (`ENOSPC`, `EACCES`…), never a message with paths. */
export function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown'
}
