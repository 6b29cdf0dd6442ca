import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)

describe('ws on the relay', () => {
  it('unmasks what devices send with bufferutil, natively', () => {
    // ws falls back to a JavaScript loop without it: a hostile 8 MiB frame then held the relay's
    // only thread about 55 ms before it could even be refused (the fuzz bench's tail).
    const wsBufferUtil = require(join(dirname(require.resolve('ws')), 'lib', 'buffer-util.js')) as {
      unmask: (buffer: Buffer, mask: Buffer) => void
    }
    const frame = Buffer.alloc(64, 0xff)
    wsBufferUtil.unmask(frame, Buffer.from([0xff, 0xff, 0xff, 0xff]))
    expect(frame.every((byte) => byte === 0)).toBe(true)
    expect(String(require('bufferutil').unmask)).toContain('[native code]')
    expect(String(wsBufferUtil.unmask)).toContain('bufferUtil.unmask')
  })
})
