/**
 * Counters for `GET /metrics`, in the Prometheus text format (version 0.0.4), so a laptop relay
 * can be watched with any Prometheus-compatible tool — or read by eye:
 *
 *   tandem_rooms_loaded 2
 *   tandem_refusals_total{reason="invalid_key"} 3
 *
 * Counts only: no room id, no key, no address. Kept in plain numbers (no library) because the
 * relay needs a dozen series and one histogram.
 */
import { REFUSALS, UPDATE_REFUSAL_LABELS, WS_REFUSAL_LABELS } from './refusals'
import type { SetAsideReason } from './roomLog'

/** Upper bounds (seconds) of the persistence histogram: a durable write takes 1–20 ms on a laptop. */
const PERSIST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export class Histogram {
  readonly buckets: readonly number[]
  readonly counts: number[]
  sum = 0
  count = 0

  constructor(buckets: readonly number[]) {
    this.buckets = buckets
    this.counts = buckets.map(() => 0)
  }

  observe(value: number): void {
    this.sum += value
    this.count += 1
    for (let i = 0; i < this.buckets.length; i++)
      if (value <= this.buckets[i]!) this.counts[i]! += 1
  }
}

export interface Gauges {
  rooms: number
  connections: number
}

export class Metrics {
  connectionsAccepted = 0
  /** Frames received on sync connections, whatever became of them. */
  messagesReceived = 0
  /** Of those, messages a room decoded and acted on (not dropped after a refusal). */
  messagesHandled = 0
  messagesSent = 0
  bytesReceived = 0
  bytesSent = 0
  /** Document updates written to disk (each logged record, or the snapshot of a rewrite). */
  updatesStored = 0
  storageErrors = 0
  /** Bytes of room logs that could not be read at load (torn or damaged) and were set aside. */
  unreadableBytes = 0
  /** Parts of room logs set aside at load, by reason (`roomLog.ts`, `SetAsideReason`). */
  readonly setAside = new Map<SetAsideReason, number>([
    ['torn', 0],
    ['refused', 0],
  ])
  readonly refusals = new Map<string, number>()
  readonly persistSeconds = new Histogram(PERSIST_BUCKETS)
  readonly loadSeconds = new Histogram(PERSIST_BUCKETS)

  constructor() {
    // Every reason is listed from the start, at zero: a dashboard sees the series exist.
    for (const { label } of Object.values(REFUSALS)) this.refusals.set(label, 0)
    for (const label of Object.values(WS_REFUSAL_LABELS)) this.refusals.set(label, 0)
    for (const label of Object.values(UPDATE_REFUSAL_LABELS)) this.refusals.set(label, 0)
  }

  refused(label: string): void {
    this.refusals.set(label, (this.refusals.get(label) ?? 0) + 1)
  }

  received(bytes: number): void {
    this.messagesReceived += 1
    this.bytesReceived += bytes
  }

  unreadable(bytes: number, reason: SetAsideReason): void {
    this.unreadableBytes += bytes
    this.setAside.set(reason, (this.setAside.get(reason) ?? 0) + 1)
  }

  sent(bytes: number): void {
    this.messagesSent += 1
    this.bytesSent += bytes
  }

  render(gauges: Gauges): string {
    const memory = process.memoryUsage()
    const out: string[] = []
    const series = (
      name: string,
      type: 'counter' | 'gauge',
      help: string,
      value: number | Map<string, number>,
      label = 'reason',
    ) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
      if (typeof value === 'number') out.push(`${name} ${value}`)
      else for (const [key, count] of value) out.push(`${name}{${label}="${key}"} ${count}`)
    }
    const histogram = (name: string, help: string, h: Histogram) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`)
      h.buckets.forEach((bound, i) => out.push(`${name}_bucket{le="${bound}"} ${h.counts[i]}`))
      out.push(
        `${name}_bucket{le="+Inf"} ${h.count}`,
        `${name}_sum ${h.sum}`,
        `${name}_count ${h.count}`,
      )
    }
    series('tandem_rooms_loaded', 'gauge', 'Meetings held in memory.', gauges.rooms)
    series('tandem_connections_open', 'gauge', 'Open sync connections.', gauges.connections)
    series(
      'tandem_connections_accepted_total',
      'counter',
      'Sync connections admitted to a meeting.',
      this.connectionsAccepted,
    )
    series('tandem_messages_received_total', 'counter', 'Messages received.', this.messagesReceived)
    series(
      'tandem_messages_handled_total',
      'counter',
      'Messages decoded and acted on by a room (the rest arrived after a refusal).',
      this.messagesHandled,
    )
    series('tandem_messages_sent_total', 'counter', 'Messages sent.', this.messagesSent)
    series(
      'tandem_bytes_received_total',
      'counter',
      'Bytes of messages received.',
      this.bytesReceived,
    )
    series('tandem_bytes_sent_total', 'counter', 'Bytes of messages sent.', this.bytesSent)
    series(
      'tandem_refusals_total',
      'counter',
      'Connections refused or closed by the relay, by reason.',
      this.refusals,
    )
    series(
      'tandem_updates_stored_total',
      'counter',
      'Records written to room logs.',
      this.updatesStored,
    )
    series(
      'tandem_storage_errors_total',
      'counter',
      'Failed writes of room logs.',
      this.storageErrors,
    )
    series(
      'tandem_unreadable_bytes_total',
      'counter',
      'Bytes of room logs unreadable at load (interrupted writes), set aside.',
      this.unreadableBytes,
    )
    series(
      'tandem_log_set_aside_total',
      'counter',
      'Parts of room logs set aside at load: torn (interrupted write) or refused (not loadable).',
      this.setAside,
    )
    histogram(
      'tandem_persist_duration_seconds',
      'Time to write one batch of updates (its sync follows, grouped per room) or to rewrite a log.',
      this.persistSeconds,
    )
    histogram(
      'tandem_room_load_duration_seconds',
      'Time to read a room log from disk.',
      this.loadSeconds,
    )
    series('process_resident_memory_bytes', 'gauge', 'Resident memory of the relay.', memory.rss)
    series('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use.', memory.heapUsed)
    return out.join('\n') + '\n'
  }
}
