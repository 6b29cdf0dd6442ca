import { describe, expect, it } from 'vitest'
import { errorCode, formatFields, localTimestamp } from './log'

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
