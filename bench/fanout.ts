/**
 * Relay fan-out: an update made by one client, and the time until every other client of its room
 * has applied it (received, decoded, applied to its Y.Doc); then how many such updates per second
 * the relay carries when every client sends as fast as its previous updates arrive.
 *
 * Per scenario (rooms × clients per room) and per relay, in one process of clients against one
 * relay process, with the same load for both relays:
 *
 * 1. connect every client (50 at a time) and wait until each has the room's document;
 * 2. latency, open loop: each client edits at a fixed rate with random phase, for `seconds`; an
 *    edit is one `Y.Map` entry (the client's own key, a counter: about 30 bytes on the wire, like
 *    a keystroke); its latency is from just before the local transaction until the last other
 *    client of the room has applied it; an edit still missing after a 2 s drain counts as lost;
 * 3. memory: the relay's heap and RSS after a full GC, minus the same before the clients came,
 *    per room (so it includes that room's connections);
 * 4. throughput, closed loop: each client keeps `window` edits in flight, for `seconds`; counted
 *    are edits applied by every other client of the room (and the deliveries, × clients − 1),
 *    and the relay's CPU time per 1,000 edits.
 */
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { now, quantile, sleep } from './report'
import type { RunningRelay } from './relays'
import { SyncClient } from './syncClient'

export interface Scenario {
  name: string
  rooms: number
  clientsPerRoom: number
  /** Open-loop rate of each client during the latency phase. */
  editsPerClientPerSecond: number
  latencySeconds: number
  throughputSeconds: number
  /** Edits each client keeps in flight during the throughput phase. */
  window: number
}

export interface FanoutResult {
  relay: RunningRelay['name']
  scenario: Scenario
  connectMs: number
  latency: { p50: number; p95: number; p99: number; max: number; samples: number; lost: number }
  offeredPerSecond: number
  throughput: { editsPerSecond: number; deliveriesPerSecond: number; relayCpuMsPer1000: number }
  /** Relay's CPU use during the throughput phase, in cores (1 = one core busy). */
  relayCores: number
  /** The bench process's CPU during the throughput phase, in cores. */
  clientCores: number
  memoryPerRoom: { heap: number; rss: number }
  relayRss: number
  /** Refusals or drops the relay made (close codes seen by clients). */
  closes: number
}

const BENCH_MAP = 'bench'

interface Room {
  clients: SyncClient[]
  /** `"<writer>:<seq>"` → when it was made and how many clients still lack it. */
  pending: Map<string, { t0: number; remaining: number; writer: number }>
}

export async function runFanout(relay: RunningRelay, scenario: Scenario): Promise<FanoutResult> {
  const { rooms: roomCount, clientsPerRoom } = scenario
  await sleep(200)
  const baseline = await relay.probe()

  // 1. Connect.
  let onComplete: (latency: number, room: Room, writer: number) => void = () => {}
  const rooms: Room[] = []
  const connectStarted = now()
  const all: SyncClient[] = []
  for (let r = 0; r < roomCount; r++) {
    const { roomId, writeKey } = capabilityFromKey(newWriteKey(), 'write')
    const room: Room = { clients: [], pending: new Map() }
    for (let c = 0; c < clientsPerRoom; c++) {
      const client = new SyncClient(relay.roomUrl(roomId), writeKey!)
      const map = client.doc.getMap<number>(BENCH_MAP)
      map.observe((event) => {
        if (event.transaction.local) return
        const at = now()
        for (const key of event.keysChanged) {
          const id = `${key}:${map.get(key)}`
          const entry = room.pending.get(id)
          if (!entry) continue
          entry.remaining -= 1
          if (entry.remaining === 0) {
            room.pending.delete(id)
            onComplete(at - entry.t0, room, entry.writer)
          }
        }
      })
      room.clients.push(client)
      all.push(client)
    }
    rooms.push(room)
  }
  for (let i = 0; i < all.length; i += 50) {
    await Promise.all(all.slice(i, i + 50).map((client) => client.synced))
  }
  const connectMs = now() - connectStarted

  const seqs = new Map<SyncClient, number>()
  const edit = (room: Room, writer: number) => {
    const client = room.clients[writer]!
    const seq = (seqs.get(client) ?? 0) + 1
    seqs.set(client, seq)
    const t0 = now()
    room.pending.set(`${writer}:${seq}`, { t0, remaining: clientsPerRoom - 1, writer })
    client.edit((doc) => doc.getMap<number>(BENCH_MAP).set(String(writer), seq))
  }

  // 2. Latency, open loop (the first second is a warm-up and is not counted).
  const latencies: number[] = []
  let counting = false
  onComplete = (latency) => {
    if (counting) latencies.push(latency)
  }
  const intervalMs = 1000 / scenario.editsPerClientPerSecond
  let sending = true
  const timers: NodeJS.Timeout[] = []
  rooms.forEach((room) =>
    room.clients.forEach((_, writer) => {
      const tick = () => {
        if (!sending) return
        edit(room, writer)
        timers.push(setTimeout(tick, intervalMs * (0.5 + Math.random())))
      }
      timers.push(setTimeout(tick, Math.random() * intervalMs))
    }),
  )
  await sleep(1000)
  for (const room of rooms) room.pending.clear()
  counting = true
  await sleep(scenario.latencySeconds * 1000)
  sending = false
  for (const timer of timers) clearTimeout(timer)
  await sleep(2000)
  counting = false
  const lost = rooms.reduce((sum, room) => sum + room.pending.size, 0)
  for (const room of rooms) room.pending.clear()

  // 3. Memory.
  const loaded = await relay.probe()

  // 4. Throughput, closed loop.
  let completed = 0
  let running = true
  const inFlight = new Map<SyncClient, number>()
  onComplete = (_latency, room, writer) => {
    completed += 1
    const client = room.clients[writer]!
    inFlight.set(client, (inFlight.get(client) ?? 1) - 1)
    if (running) setImmediate(() => refill(room, writer))
  }
  const refill = (room: Room, writer: number) => {
    const client = room.clients[writer]!
    while (running && (inFlight.get(client) ?? 0) < scenario.window) {
      inFlight.set(client, (inFlight.get(client) ?? 0) + 1)
      edit(room, writer)
    }
  }
  rooms.forEach((room) => room.clients.forEach((_, writer) => refill(room, writer)))
  await sleep(500) // ramp-up
  const before = await relay.probe()
  const clientCpuBefore = process.cpuUsage()
  const startedAt = now()
  const completedBefore = completed
  await sleep(scenario.throughputSeconds * 1000)
  const elapsed = now() - startedAt
  const done = completed - completedBefore
  const clientCpu = process.cpuUsage(clientCpuBefore)
  const after = await relay.probe()
  running = false
  await sleep(500)

  const closes = all.filter((client) => client.closedWith !== null).length
  for (const client of all) client.close()

  const editsPerSecond = (done / elapsed) * 1000
  const relayCpuMs = after.cpuMs - before.cpuMs
  return {
    relay: relay.name,
    scenario,
    connectMs,
    latency: {
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      max: quantile(latencies, 1),
      samples: latencies.length,
      lost,
    },
    offeredPerSecond: roomCount * clientsPerRoom * scenario.editsPerClientPerSecond,
    throughput: {
      editsPerSecond,
      deliveriesPerSecond: editsPerSecond * (clientsPerRoom - 1),
      relayCpuMsPer1000: (relayCpuMs / done) * 1000,
    },
    // The probe's own GC falls inside `relayCpuMs`; it is a few milliseconds out of seconds.
    relayCores: relayCpuMs / elapsed,
    clientCores: (clientCpu.user + clientCpu.system) / 1000 / elapsed,
    memoryPerRoom: {
      heap: (loaded.heapUsed - baseline.heapUsed) / roomCount,
      rss: (loaded.rss - baseline.rss) / roomCount,
    },
    relayRss: loaded.rss,
    closes,
  }
}
