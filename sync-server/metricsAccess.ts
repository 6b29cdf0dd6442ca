/**
 * Who may read `/metrics`: it tells how busy the evening is (rooms, connections, refusals), so
 * only the laptop itself, or a monitoring tool elsewhere that presents `METRICS_TOKEN` as
 * `Authorization: Bearer <token>`.
 */
import { timingSafeEqual } from 'node:crypto'

export function metricsAllowed(
  remoteAddress: string | undefined,
  authorization: string | undefined,
  token: string | null,
): boolean {
  if (isLoopback(remoteAddress ?? '')) return true
  if (token === null) return false
  const presented = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '')
  const expected = Buffer.from(token)
  return presented.length === expected.length && timingSafeEqual(presented, expected)
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address)
}
