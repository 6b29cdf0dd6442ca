import { describe, expect, it } from 'vitest'
import { metricsAllowed } from './metricsAccess'

const TOKEN = 'a-token-of-sixteen+'

describe('who may read /metrics', () => {
  it('the laptop itself', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(metricsAllowed(address, undefined, null), address).toBe(true)
    }
  })

  it('not a tablet of the network, unless it presents the token', () => {
    expect(metricsAllowed('192.168.1.31', undefined, null)).toBe(false)
    expect(metricsAllowed('::ffff:192.168.1.31', undefined, TOKEN)).toBe(false)
    expect(metricsAllowed('192.168.1.31', 'Bearer wrong-token-of-sixteen', TOKEN)).toBe(false)
    expect(metricsAllowed('192.168.1.31', TOKEN, TOKEN)).toBe(false)
    expect(metricsAllowed('192.168.1.31', `Bearer ${TOKEN}`, TOKEN)).toBe(true)
    expect(metricsAllowed('10.127.0.1', undefined, null)).toBe(false)
  })
})
