/**
 * One process of the open-loop load generator (`openLoop.ts` forks several). It owns whole rooms,
 * so every client of a room lives here and an edit's latency is read on one clock: from the time
 * the schedule set for it (not when it was actually sent: a late generator counts against the
 * relay, as an open loop must) until the last other client of its room has received it.
 *
 * Over IPC: `connect` opens a lean client per room member on each relay (`SyncClient` keeping no
 * copy of the room) and answers `connected`; `run` sends the edits of its schedule at their times,
 * waits for them to arrive (at most `drainMs` after the last) and answers with the figures; `close`
 * ends the process.
 */
import * as Y from 'yjs'
import { now, sleep } from './report'
import { SyncClient } from './syncClient'

export interface WorkerRoom {
  /** Index of the room in the whole load (the schedule names rooms by it). */
  index: number
  key: string
  /** The room's URL on each relay, by relay name. */
  urls: Record<string, string>
}

export type ToWorker =
  | { kind: 'connect'; rooms: WorkerRoom[]; clientsPerRoom: number }
  | {
      kind: 'run'
      relay: string
      /** Triples `[ms after the start, room index, writer index]`, in time order. */
      schedule: number[]
      /** Edits scheduled before this time (ms) warm up and are not counted. */
      countFromMs: number
      /** Delay before the first edit, so every worker has its schedule before any starts. */
      startInMs: number
      drainMs: number
    }
  | { kind: 'close' }

export interface WorkerRun {
  /** Latency (ms from the scheduled time) of each counted edit received by all its peers. */
  latencies: number[]
  /** Counted edits some peer had not received `drainMs` after the last was sent. */
  lost: number
  /** How late each edit was actually sent after its scheduled time (ms). */
  lag: number[]
  /** CPU this process used during the run, in cores. */
  cores: number
}

export type FromWorker =
  { kind: 'connected' } | ({ kind: 'result' } & WorkerRun) | { kind: 'failed'; message: string }

const BENCH_MAP = 'bench'
/** Connections opened at once: a thousand at a time would look like an attack to both relays. */
const CONNECT_BATCH = 25

interface Pending {
  scheduled: number
  remaining: number
  counted: boolean
}

/** Clients by relay name, then by room index: `[writer 0, writer 1, …]`. */
const clients = new Map<string, Map<number, SyncClient[]>>()
/** Edits on their way, by `"<Yjs client id>:<its clock after the edit>"`. */
const pending = new Map<string, Pending>()
let onArrived: (latency: number) => void = () => {}

/**
 * The edits an update carries: a relay may merge several into one update, so every clock of each
 * client in it (`from` ≤ clock < `to`) is looked up (see `editKey`).
 */
function arrived(update: Uint8Array): void {
  if (pending.size === 0) return
  const { from, to } = Y.parseUpdateMeta(update)
  for (const [client, end] of to) {
    for (let clock = from.get(client)! + 1; clock <= end; clock++) {
      const key = `${client}:${clock}`
      const entry = pending.get(key)
      if (!entry) continue
      entry.remaining -= 1
      if (entry.remaining === 0) {
        pending.delete(key)
        if (entry.counted) onArrived(now() - entry.scheduled)
      }
    }
  }
}

const editKey = (client: SyncClient) =>
  `${client.doc.clientID}:${Y.getState(client.doc.store, client.doc.clientID)}`

async function connect(rooms: WorkerRoom[], clientsPerRoom: number): Promise<void> {
  const all: SyncClient[] = []
  for (const room of rooms)
    for (const [relay, url] of Object.entries(room.urls)) {
      const byRoom = clients.get(relay) ?? new Map<number, SyncClient[]>()
      clients.set(relay, byRoom)
      const members = Array.from(
        { length: clientsPerRoom },
        () => new SyncClient(url, room.key, arrived),
      )
      byRoom.set(room.index, members)
      all.push(...members)
    }
  for (let i = 0; i < all.length; i += CONNECT_BATCH)
    await Promise.all(all.slice(i, i + CONNECT_BATCH).map((client) => client.synced))
}

async function run(message: Extract<ToWorker, { kind: 'run' }>): Promise<WorkerRun> {
  const byRoom = clients.get(message.relay)!
  const { schedule, countFromMs } = message
  const latencies: number[] = []
  const lag: number[] = []
  onArrived = (latency) => latencies.push(latency)
  const cpuBefore = process.cpuUsage()
  const start = now() + message.startInMs
  let next = 0
  await new Promise<void>((resolve) => {
    // Sends every edit that is due, then sleeps until the next one: the schedule never waits
    // for a reply. Timers wake up to about 1 ms late; that lateness is in `lag` and in latency.
    const tick = () => {
      const elapsed = now() - start
      while (next < schedule.length && schedule[next]! <= elapsed) {
        const scheduledAt = schedule[next]!
        const members = byRoom.get(schedule[next + 1]!)!
        const writerIndex = schedule[next + 2]!
        const writer = members[writerIndex]!
        next += 3
        // One map entry per writer, like a keystroke on the wire (about 30 bytes).
        writer.edit((doc) => doc.getMap<number>(BENCH_MAP).set(String(writerIndex), next))
        const sentAt = now()
        lag.push(sentAt - start - scheduledAt)
        pending.set(editKey(writer), {
          scheduled: start + scheduledAt,
          remaining: members.length - 1,
          counted: scheduledAt >= countFromMs,
        })
      }
      if (next >= schedule.length) return resolve()
      setTimeout(tick, Math.max(0, schedule[next]! - (now() - start)))
    }
    setTimeout(tick, message.startInMs)
  })
  const drainUntil = now() + message.drainMs
  while (pending.size > 0 && now() < drainUntil) await sleep(20)
  const lost = [...pending.values()].filter((entry) => entry.counted).length
  pending.clear()
  const cpu = process.cpuUsage(cpuBefore)
  const elapsed = now() - start
  return { latencies, lost, lag, cores: (cpu.user + cpu.system) / 1000 / elapsed }
}

const reply = (message: FromWorker) => process.send?.(message)

process.on('message', (message: ToWorker) => {
  const work = async () => {
    switch (message.kind) {
      case 'connect':
        await connect(message.rooms, message.clientsPerRoom)
        return reply({ kind: 'connected' })
      case 'run':
        return reply({ kind: 'result', ...(await run(message)) })
      case 'close':
        for (const byRoom of clients.values())
          for (const members of byRoom.values()) for (const client of members) client.close()
        process.exit(0)
    }
  }
  work().catch((error: unknown) => reply({ kind: 'failed', message: String(error) }))
})
// The bench is gone (ended or failed): so is its load.
process.on('disconnect', () => process.exit(0))
