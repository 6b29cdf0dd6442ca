/**
 * Devices holding one document, and a network between them that a property test drives: each
 * device's own edits are queued towards every other device; a step splits the devices into
 * islands, delivers one queued update (any of them, not the oldest), drops a connection (what was
 * in flight is lost), or lets two devices exchange what each lacks (y-websocket's sync steps 1
 * and 2). `heal` puts everyone back on one network; then every device must read the same.
 * The convergence tests of the meeting, the plenary and the idea bank run on it, each with its
 * own operations (`meetingOps.ts`, `plenaryOps.ts`, `ideaBankOps.ts`).
 *
 *   const network = new ReplicaNetwork(3, startUpdate)
 *   applyOperation(network.docs[0]!, op); network.apply({ kind: 'deliver', from: 0, to: 1, pick: 0 })
 *   network.heal(); const meeting = network.sameEverywhere(readMeeting)
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import * as Y from 'yjs'

export type NetworkStep =
  /** Each device joins one of up to three islands; only devices on one island can talk. */
  | { kind: 'partition'; islands: number[] }
  /** One queued update from one device to another arrives — any of them, not the oldest. */
  | { kind: 'deliver'; from: number; to: number; pick: number }
  /** The connection drops: updates in flight between the two are lost. */
  | { kind: 'drop'; from: number; to: number }
  /** The two reconnect and exchange what each lacks. */
  | { kind: 'sync'; a: number; b: number }

/** What happens, in order: a device makes one of its edits, or the network changes. */
export type ReplicaStep<Op> = { kind: 'edit'; replica: number; op: Op } | NetworkStep

/** Steps of `op` edits on `replicas` devices and network steps, in the proportions given. */
export function stepOf<Op>(
  replicas: number,
  op: fc.Arbitrary<Op>,
  weights: { edit: number; network: number },
): fc.Arbitrary<ReplicaStep<Op>> {
  return fc.oneof(
    {
      weight: weights.edit,
      arbitrary: fc.record({
        kind: fc.constant('edit' as const),
        replica: fc.nat(replicas - 1),
        op,
      }),
    },
    { weight: weights.network, arbitrary: networkStep(replicas) },
  )
}

/** The origin of what a device receives, so that it is not queued again as its own edit. */
const NETWORK = 'network'

/** Network steps between `replicas` devices, weighted as an evening goes: deliveries mostly. */
function networkStep(replicas: number): fc.Arbitrary<NetworkStep> {
  const replica = fc.nat(replicas - 1)
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('partition' as const),
        islands: fc.array(fc.nat(2), { minLength: replicas, maxLength: replicas }),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('deliver' as const),
        from: replica,
        to: replica,
        pick: fc.nat(50),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('drop' as const), from: replica, to: replica }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('sync' as const), a: replica, b: replica }),
    },
  )
}

/** Pairs of devices that sync, in order, when the network heals: merge orders to try. */
export function mergeOrder(replicas: number): fc.Arbitrary<Array<[number, number]>> {
  const replica = fc.nat(replicas - 1)
  return fc.array(fc.tuple(replica, replica), { maxLength: 10 })
}

/** `to` receives what `from` has that it lacks. */
function push(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), NETWORK)
}

export class ReplicaNetwork {
  readonly docs: Y.Doc[]
  /** queues[from][to]: updates made on `from`, not yet received by `to`. */
  #queues: Uint8Array[][][]
  #islands: number[]

  /** `count` devices, each starting from `start` (the meeting the coordinator created). */
  constructor(count: number, start: Uint8Array) {
    // A fixed guid: generating a random one is a third of the cost of a run, and sync ignores it.
    this.docs = Array.from({ length: count }, (_, i) => new Y.Doc({ guid: `replica-${i}` }))
    this.#queues = this.docs.map(() => this.docs.map(() => []))
    this.#islands = this.docs.map(() => 0)
    this.docs.forEach((doc, from) => {
      Y.applyUpdate(doc, start, NETWORK)
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK) return
        for (let to = 0; to < count; to++) if (to !== from) this.#queues[from]![to]!.push(update)
      })
    })
  }

  #linked(a: number, b: number): boolean {
    return a !== b && this.#islands[a] === this.#islands[b]
  }

  apply(step: NetworkStep): void {
    switch (step.kind) {
      case 'partition':
        this.#islands = step.islands
        return
      case 'deliver': {
        const queue = this.#queues[step.from]![step.to]!
        if (!this.#linked(step.from, step.to) || queue.length === 0) return
        const [update] = queue.splice(step.pick % queue.length, 1)
        Y.applyUpdate(this.docs[step.to]!, update!, NETWORK)
        return
      }
      case 'drop':
        this.#queues[step.from]![step.to] = []
        return
      case 'sync':
        if (!this.#linked(step.a, step.b)) return
        push(this.docs[step.a]!, this.docs[step.b]!)
        push(this.docs[step.b]!, this.docs[step.a]!)
    }
  }

  /** Plays `steps`: network steps here, edits through `edit` (given the step's index). */
  play<Op>(
    steps: Array<ReplicaStep<Op>>,
    edit: (doc: Y.Doc, op: Op, replica: number, index: number) => void,
  ): void {
    for (const [index, step] of steps.entries())
      if (step.kind === 'edit') edit(this.docs[step.replica]!, step.op, step.replica, index)
      else this.apply(step)
  }

  /** Everyone back on one network: late updates arrive, the pairs of `order` sync, then all. */
  heal(order: Array<[number, number]> = []): void {
    for (const queues of this.#queues)
      queues.forEach((queue, to) => {
        for (const update of queue) Y.applyUpdate(this.docs[to]!, update, NETWORK)
      })
    this.#islands = this.docs.map(() => 0)
    const exchange = (a: number, b: number) => this.apply({ kind: 'sync', a, b })
    for (const [a, b] of order) exchange(a, b)
    for (let a = 0; a < this.docs.length; a++)
      for (let b = a + 1; b < this.docs.length; b++) exchange(a, b)
  }

  /**
   * What every device reads with `read`, checked identical on all of them along with their Yjs
   * state. Written with `node:assert`: `expect` costs ten times more in a property's hot loop.
   */
  sameEverywhere<T>(read: (doc: Y.Doc) => T): T {
    const [first, ...others] = this.docs.map(read)
    for (const other of others) assert.deepStrictEqual(other, first)
    const vector = Buffer.from(Y.encodeStateVector(this.docs[0]!))
    for (const doc of this.docs.slice(1))
      assert.ok(vector.equals(Y.encodeStateVector(doc)), 'state vectors')
    return first!
  }

  destroy(): void {
    for (const doc of this.docs) doc.destroy()
  }
}
