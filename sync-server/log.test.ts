import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorCode, floodGuarded, formatFields, localTimestamp, type LogFields } from './log'

describe('relay log lines', () => {
  it('are logfmt: key=value pairs, quoted when needed, unset fields left out', () => {
    expect(
      formatFields('warn', 'connection.refused', {
        reason: 'invalid_key',
        code: 4401,
        ok: false,
        hint: 'run `npm run build`',
        absent: undefined,
      }),
    ).toBe(
      'level=warn event=connection.refused reason=invalid_key code=4401 ok=false hint="run `npm run build`"',
    )
    expect(formatFields('info', 'x', { quote: 'a"b', empty: '' })).toBe(
      'level=info event=x quote="a\\"b" empty=""',
    )
  })

  it('are stamped with local time and its offset', () => {
    expect(localTimestamp(new Date(2026, 11, 3, 19, 42, 7, 5))).toMatch(
      /^2026-12-03T19:42:07\.005[+-]\d\d:\d\d$/,
    )
  })

  it('name a failure by its code, never by a message that may hold a path', () => {
    const error = Object.assign(new Error("ENOSPC: no space left, write '/srv/x.log'"), {
      code: 'ENOSPC',
    })
    expect(errorCode(error)).toBe('ENOSPC')
    expect(errorCode(new TypeError('boom /secret'))).toBe('TypeError')
    expect(errorCode('what')).toBe('unknown')
  })
})

describe('floodGuarded', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it("keeps one meeting's flood to its burst and rate, says how much it left out, lets errors through", () => {
    vi.useFakeTimers()
    let clock = 0
    const lines: string[] = []
    const record = (level: string) => (event: string, fields?: LogFields) =>
      lines.push(`${level} ${event} ${fields?.room ?? '-'} ${fields?.lines ?? ''}`.trim())
    const logger = floodGuarded(
      { info: record('info'), warn: record('warn'), error: record('error') },
      { burst: 3, perSecond: 1, summaryMs: 10_000 },
      () => clock,
    )
    for (let i = 0; i < 10; i++) logger.info('connection.opened', { room: 'aaaa' })
    logger.warn('connection.refused', { room: 'bbbb' }) // another meeting is not held back
    logger.error('room.load_failed', { room: 'aaaa' })
    clock = 1000 // one more line's worth
    logger.info('connection.closed', { room: 'aaaa' })
    logger.info('connection.closed', { room: 'aaaa' })
    expect(lines).toEqual([
      'info connection.opened aaaa',
      'info connection.opened aaaa',
      'info connection.opened aaaa',
      'warn connection.refused bbbb',
      'error room.load_failed aaaa',
      'info connection.closed aaaa',
    ])
    vi.advanceTimersByTime(10_000)
    expect(lines.at(-1)).toBe('warn log.suppressed aaaa 8')
    // The flood said, the meeting starts afresh.
    logger.info('connection.opened', { room: 'aaaa' })
    expect(lines.at(-1)).toBe('info connection.opened aaaa')
  })
})
