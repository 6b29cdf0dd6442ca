/**
 * What the relay tells its operator — `/metrics`, `/healthz`, its log — and what it keeps in
 * memory: counts only, never a key, a room id or a word of a meeting; and nothing at all for a
 * meeting nobody is connected to once its updates are on disk.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { protocolsFor } from '../src/sync/protocol'
import {
  connectClient,
  openRawSocket,
  startRelay,
  synced,
  Teardown,
  tempDir,
} from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'

const teardown = new Teardown()
afterEach(() => teardown.run())

/** Parses the Prometheus text format strictly enough to catch a malformed line. */
function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>()
  const types = new Map<string, string>()
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE ([a-z_]+) (counter|gauge|histogram)$/.exec(line)
    if (type) {
      types.set(type[1]!, type[2]!)
      continue
    }
    if (/^# HELP [a-z_]+ .+$/.test(line)) continue
    const sample = /^([a-z_]+)(\{[a-z_]+="[^"]*"\})? (-?[0-9.e+]+|\+Inf)$/.exec(line)
    if (!sample) throw new Error(`not a Prometheus line: ${line}`)
    const family = sample[1]!.replace(/_(bucket|sum|count)$/, '')
    if (!types.has(sample[1]!) && !types.has(family)) throw new Error(`no TYPE for ${line}`)
    values.set(sample[1]! + (sample[2] ?? ''), Number(sample[3]))
  }
  return values
}

describe('relay observability', () => {
  it('counts rooms, connections, messages, bytes, refusals and write times on /metrics', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown))
    const writeKey = newWriteKey()
    const { roomId } = capabilityFromKey(writeKey, 'write')
    const a = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
    const b = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
    await synced(a)
    await synced(b)
    a.doc.getText('t').insert(0, 'compté')
    await waitFor(() => b.text() === 'compté', 'b to receive the edit')
    connectClient(teardown, relay.syncUrl, roomId, protocolsFor(newWriteKey()))
    await waitFor(async () => {
      const text = await (await fetch(`${relay.httpUrl}/metrics`)).text()
      // The edit is counted as stored once its durable write returned, which can lag on a busy disk.
      return (
        text.includes('tandem_refusals_total{reason="invalid_key"} 1') &&
        !text.includes('tandem_updates_stored_total 0')
      )
    }, 'the refusal and the stored edit to be counted')

    const response = await fetch(`${relay.httpUrl}/metrics`)
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    const text = await response.text()
    const metrics = parseMetrics(text)
    expect(metrics.get('tandem_rooms_loaded')).toBe(1)
    expect(metrics.get('tandem_connections_open')).toBe(2)
    expect(metrics.get('tandem_connections_accepted_total')).toBe(2)
    expect(metrics.get('tandem_messages_received_total')).toBeGreaterThanOrEqual(5)
    expect(metrics.get('tandem_messages_sent_total')).toBeGreaterThanOrEqual(4)
    expect(metrics.get('tandem_bytes_received_total')).toBeGreaterThan(10)
    expect(metrics.get('tandem_bytes_sent_total')).toBeGreaterThan(10)
    expect(metrics.get('tandem_updates_stored_total')).toBeGreaterThanOrEqual(1)
    expect(metrics.get('tandem_persist_duration_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(metrics.get('tandem_persist_duration_seconds_bucket{le="+Inf"}')).toBe(
      metrics.get('tandem_persist_duration_seconds_count'),
    )
    expect(metrics.get('tandem_refusals_total{reason="rate_limited"}')).toBe(0)
    expect(metrics.get('process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(text).not.toContain(roomId)
  })

  it('logs one logfmt line per event, without keys, room ids or content', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { roomIdleMs: 20 },
    })
    const writeKey = newWriteKey()
    const { roomId, readKey } = capabilityFromKey(writeKey, 'write')
    const secret = 'Madame Dupont, 12 rue des Lilas'
    const a = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
    const projector = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(readKey))
    await synced(a)
    a.doc.getText('t').insert(0, secret)
    await waitFor(() => projector.text() === secret, 'the projector to receive it')
    const bad = await openRawSocket(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
    bad.send(Buffer.from(secret))
    const wrongKey = newWriteKey()
    connectClient(teardown, relay.syncUrl, roomId, protocolsFor(wrongKey))
    await waitFor(
      () => relay.logger.entries.filter((e) => e.event === 'connection.refused').length >= 2,
      'the two refusals to be logged',
    )
    a.provider.disconnect()
    projector.provider.disconnect()
    bad.close()
    await waitFor(() => relay.relay.stats().rooms === 0, 'the room to unload')

    for (const line of relay.logger.lines) {
      expect(line).toMatch(/^level=(info|warn|error) event=[a-z_.]+( [a-z_]+=("[^"]*"|\S+))*$/)
      for (const forbidden of [writeKey, readKey, wrongKey, roomId, secret, 'Dupont'])
        expect(line).not.toContain(forbidden)
    }
    const events = relay.logger.entries.map((entry) => entry.event)
    expect(events).toContain('connection.opened')
    expect(events).toContain('connection.closed')
    const reasons = relay.logger.entries.map((entry) => entry.fields.reason)
    expect(reasons).toEqual(expect.arrayContaining(['bad_message', 'invalid_key']))
  })

  it('holds nothing in memory for meetings nobody is connected to, once written', async () => {
    const relay = await startRelay(teardown, await tempDir(teardown), {
      config: { roomIdleMs: 30 },
    })
    const clients = Array.from({ length: 10 }, () => {
      const writeKey = newWriteKey()
      const { roomId } = capabilityFromKey(writeKey, 'write')
      return connectClient(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
    })
    for (const client of clients) await synced(client)
    clients.forEach((client, i) => client.doc.getText('t').insert(0, `salle ${i}`))
    expect(relay.relay.stats()).toMatchObject({ rooms: 10, connections: 10, sockets: 10 })

    for (const client of clients) client.provider.disconnect()
    await waitFor(() => relay.relay.stats().rooms === 0, 'every room to unload')
    await waitFor(() => relay.relay.stats().closing === 0, 'every file to be closed')
    expect(relay.relay.stats()).toEqual({
      rooms: 0,
      connections: 0,
      closing: 0,
      idle: 0,
      sockets: 0,
    })
    const health = await (await fetch(`${relay.httpUrl}/healthz`)).json()
    expect(health).toEqual({ ok: true, rooms: 0, connections: 0 })
  })
})
