/**
 * Whether a Yjs update may touch a room's document: checked BEFORE it is applied, in time
 * linear in its size (plus a logarithmic look-up per reference), without changing the document.
 *
 * First the update's bytes alone (`updateScan.ts`): what they show is refused before Yjs decodes
 * anything, which is where a hostile update costs most. Then, decoded, against the document.
 *
 * `Y.applyUpdate` trusts its input. Given an update that decodes but is not what a Yjs client
 * writes, it can throw half-way (leaving half of it applied and logged), keep the rest as
 * "pending" (re-merged on every later message, stored at the next compaction), store structs
 * that make the log unloadable (an item of length zero, then its zero-length deletion), or
 * integrate items whose neighbours live in other types, so that two replicas order them
 * differently. So an update is applied only if it is:
 *
 * - well formed: what `updateScan.ts` checks, then references to the same client pointing
 *   backwards, an item's left and right neighbours in the same type (and map key) and the right
 *   one to the right of the left one, nested types at most `MAX_TYPE_DEPTH` deep counting the
 *   document's own;
 * - complete: every struct it references and every clock it deletes exists in the document or
 *   in the update itself, in an order Yjs can integrate — so it applies whole, leaving nothing
 *   pending.
 *
 * An update that is well formed but not complete says which struct it waits for, so the room can
 * hold it (bounded, per connection) until that struct arrives.
 *
 * Not checked, because Yjs gives no way to: ids and neighbours are the writer's word. A writer
 * can take ids another device has not sent yet (that device's edit is then ignored everywhere),
 * or name neighbours far apart while it must have known items between them (replicas may then
 * order those items differently). Both need a write key, and both stay inside the meeting.
 */
import * as Y from 'yjs'
import { MAX_TYPE_DEPTH, scanUpdate } from './updateScan'

export type UpdateCheck =
  /**
   * Applies whole. `orderChecked` false: some item's neighbours are in the update itself, so
   * their order can only be seen once integrated — `orderHoldsInCopy` must say yes first.
   */
  | { ok: true; orderChecked: boolean; placed: Placements; deleteSet: DeleteSet }
  | { ok: false; malformed: string }
  /** Well formed, but references `clock` of `client`, which neither the document nor it holds. */
  | { ok: false; missing: { client: number; clock: number } }

type Struct = Y.Item | Y.GC | Y.Skip
/** A decoded delete set: client → ranges (Yjs does not export the class's type). */
export type DeleteSet = { clients: Map<number, Array<{ clock: number; len: number }>> }

/** Identifies a shared type: `root:<name>`, `item:<client>:<clock>`, or null (garbage collected). */
export type TypeKey = string | null

export interface Placed {
  parent: TypeKey
  parentSub: string | null
}

/** Where each struct of a checked update goes, as Yjs will integrate it (`atelierScope.ts`). */
export type Placements = ReadonlyMap<Y.Item | Y.GC | Y.Skip, Placed>

const GARBAGE: Placed = { parent: null, parentSub: null }

export function checkUpdate(doc: Y.Doc, update: Uint8Array): UpdateCheck {
  const refused = scanUpdate(update)
  if (refused) return { ok: false, malformed: refused }
  let decoded: { structs: Struct[]; ds: DeleteSet }
  try {
    decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet }
  } catch {
    return { ok: false, malformed: 'undecodable' }
  }
  try {
    return new Checker(doc, decoded.structs, update.length).run(decoded.ds)
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, malformed: error.message }
    throw error
  }
}

class Malformed extends Error {}

function fail(why: string): never {
  throw new Malformed(why)
}

class Checker {
  readonly #doc: Y.Doc
  /** The update's structs, by client, in clock order. */
  readonly #runs = new Map<number, Struct[]>()
  /** Clients' states as if the update's structs integrated so far were applied. */
  readonly #state = new Map<number, number>()
  /** Where each integrated item of the update sits. */
  readonly #placed = new Map<Struct, Placed>()
  /** Depth of each type created by the update (by key) or found in the document (memo). */
  readonly #depth = new Map<string, number>()
  readonly #rootKeys = new Map<Y.AbstractType<unknown>, string>()
  /** Items this update may still make the relay walk past to check items' places. */
  readonly #walk: { steps: number }
  #orderChecked = true

  constructor(doc: Y.Doc, structs: Struct[], bytes: number) {
    this.#doc = doc
    this.#walk = { steps: walkBudget(bytes) }
    // One section per client (`updateScan.ts`), read in clock order.
    for (const struct of structs) {
      const run = this.#runs.get(struct.id.client)
      if (run) run.push(struct)
      else this.#runs.set(struct.id.client, [struct])
    }
  }

  run(ds: DeleteSet): UpdateCheck {
    const missing = this.#integrate()
    if (missing) return { ok: false, missing }
    for (const [client, ranges] of ds.clients) {
      for (const { clock, len } of ranges) {
        if (clock + len > this.#stateOf(client))
          return { ok: false, missing: { client, clock: clock + len - 1 } }
      }
    }
    return { ok: true, orderChecked: this.#orderChecked, placed: this.#placed, deleteSet: ds }
  }

  #stateOf(client: number): number {
    return this.#state.get(client) ?? Y.getState(this.#doc.store, client)
  }

  /**
   * Integrates the update's structs in a causal order, on clocks only: a client's next struct
   * goes once what it references exists. A client blocked on another waits in that client's
   * queue, by clock, and is woken when it gets there. Returns what blocks the update, if anything.
   */
  #integrate(): { client: number; clock: number } | null {
    const next = new Map<number, number>() // client → index of its next struct
    const waiting = new Map<number, MinQueue>() // client → clients waiting for its clocks
    const ready = [...this.#runs.keys()]
    while (ready.length > 0) {
      const client = ready.pop()!
      const run = this.#runs.get(client)!
      let index = next.get(client) ?? 0
      for (; index < run.length; index++) {
        const struct = run[index]!
        const state = this.#stateOf(client)
        if (struct instanceof Y.Skip) continue
        // A gap in the client's own clocks: only another update can fill it.
        if (struct.id.clock > state) break
        const need = this.#firstMissing(struct, state)
        if (need) {
          let queue = waiting.get(need.client)
          if (!queue) waiting.set(need.client, (queue = new MinQueue()))
          queue.push(need.clock, client)
          break
        }
        const end = struct.id.clock + struct.length
        if (struct instanceof Y.Item) {
          this.#place(struct)
          if (end > state) this.#checkOrder(struct, state)
        } else {
          // Garbage, yet it takes its client's clocks (`atelierScope.ts` looks at whose).
          this.#placed.set(struct, GARBAGE)
        }
        if (end > state) {
          this.#state.set(client, end)
          const queue = waiting.get(client)
          while (queue && queue.size > 0 && queue.peek() < end) ready.push(queue.pop())
        }
      }
      next.set(client, index)
    }
    for (const [client, run] of this.#runs) {
      const struct = run[next.get(client) ?? 0]
      if (!struct) continue
      const state = this.#stateOf(client)
      return struct.id.clock > state ? { client, clock: state } : this.#firstMissing(struct, state)
    }
    return null
  }

  /** The first struct `struct` references that does not exist yet, or null. */
  #firstMissing(struct: Struct, ownState: number): { client: number; clock: number } | null {
    if (!(struct instanceof Y.Item)) return null
    const parentId = struct.parent instanceof Y.ID ? struct.parent : null
    for (const id of [struct.origin, struct.rightOrigin, parentId]) {
      if (!id) continue
      if (id.client === struct.id.client) {
        // Yjs looks these up without checking: one ahead of the client's state throws.
        if (id.clock >= ownState) fail('reference ahead of its own client')
      } else if (id.clock >= this.#stateOf(id.client)) return { client: id.client, clock: id.clock }
    }
    return null
  }

  /** Resolves the item's type as Yjs will, and checks its neighbours and depth. */
  #place(item: Y.Item): void {
    const left = item.origin ? this.#find(item.origin) : null
    const right = item.rightOrigin ? this.#find(item.rightOrigin) : null
    let placed: Placed
    if (left || right) {
      const a = left && this.#placementOf(left)
      const b = right && this.#placementOf(right)
      if (a?.parent === null || b?.parent === null) placed = GARBAGE
      else if (a && b && (a.parent !== b.parent || a.parentSub !== b.parentSub))
        fail('neighbours in different types')
      else placed = (a ?? b)!
    } else if (typeof item.parent === 'string') {
      placed = { parent: `root:${item.parent}`, parentSub: item.parentSub }
    } else if (item.parent instanceof Y.ID) {
      const parentItem = this.#find(item.parent)
      const isType =
        parentItem instanceof Y.Item &&
        parentItem.content instanceof Y.ContentType &&
        this.#placementOf(parentItem).parent !== null
      // Yjs garbage-collects an item whose parent is not a type.
      placed = isType ? { parent: idKey(parentItem.id), parentSub: item.parentSub } : GARBAGE
    } else {
      fail('item without a parent')
    }
    if (placed.parent !== null) this.#checkTail(item, placed)
    this.#placed.set(item, placed)
    if (item.content instanceof Y.ContentType && placed.parent !== null) {
      const depth = this.#depthOf(placed.parent) + 1
      if (depth > MAX_TYPE_DEPTH) fail('types nested too deep')
      this.#depth.set(idKey(item.id), depth)
    }
  }

  /**
   * An item whose first clocks are known already: Yjs integrates only its tail, right after the
   * known item before it (its own head, for an honest one), yet in the type its neighbours name.
   * A head elsewhere would link the tail into another type's list (another atelier's note, say),
   * unseen by every check of where the item goes.
   */
  #checkTail(item: Y.Item, placed: Placed): void {
    const state = this.#stateOf(item.id.client)
    // Not known at all, or wholly known (Yjs skips it).
    if (item.id.clock >= state || item.id.clock + item.length <= state) return
    const head = this.#placementOf(this.#find(Y.createID(item.id.client, state - 1)))
    if (head.parent !== placed.parent || head.parentSub !== placed.parentSub)
      fail('tail after a head in another type')
  }

  /**
   * Checks the item's place (`rightIsRight`) when both its neighbours are in the document;
   * otherwise leaves it to `orderHoldsInCopy`, which sees the update integrated.
   */
  #checkOrder(item: Y.Item, state: number): void {
    const { origin, rightOrigin } = item
    // Partly known: Yjs integrates its tail after its own head, as the document holds it,
    // whatever left neighbour (or none) the update names; only the copy shows where that is.
    if (item.id.clock < state && rightOrigin) {
      this.#orderChecked = false
      return
    }
    if (!origin || !rightOrigin || this.#placed.get(item)?.parent === null) return
    const store = this.#doc.store
    const inDocument = (id: Y.ID) => id.clock < Y.getState(store, id.client)
    // Neighbours in the update: their order shows once it is integrated.
    if (!inDocument(origin) || !inDocument(rightOrigin)) {
      this.#orderChecked = false
      return
    }
    if (!rightIsRight(store, origin, rightOrigin, this.#walk)) fail('neighbours out of order')
  }

  /** The struct holding `id`, in the update (already integrated here) or in the document. */
  #find(id: Y.ID): Struct {
    const run = this.#runs.get(id.client)
    if (run && id.clock >= run[0]!.id.clock && id.clock >= Y.getState(this.#doc.store, id.client))
      return run[Y.findIndexSS(run as Y.Item[], id.clock)]!
    return Y.getItem(this.#doc.store, id) as Y.Item | Y.GC
  }

  /** Where Yjs puts a struct: garbage for a GC (or an item it will turn into one). */
  #placementOf(struct: Struct): Placed {
    if (!(struct instanceof Y.Item)) return GARBAGE
    const placed = this.#placed.get(struct)
    if (placed) return placed
    // An item of the document.
    const parent = struct.parent as Y.AbstractType<unknown> | null
    return { parent: parent ? this.#typeKey(parent) : null, parentSub: struct.parentSub }
  }

  #typeKey(type: Y.AbstractType<unknown>): string {
    if (type._item) return idKey(type._item.id)
    let key = this.#rootKeys.get(type)
    if (!key) this.#rootKeys.set(type, (key = `root:${Y.findRootTypeKey(type)}`))
    return key
  }

  /** Depth of a type: 0 for a root, 1 for a type in a root… The document's are walked up, bounded. */
  #depthOf(key: string): number {
    if (key.startsWith('root:')) return 0
    const known = this.#depth.get(key)
    if (known !== undefined) return known
    const [client, clock] = key.slice('item:'.length).split(':').map(Number) as [number, number]
    let depth = 0
    let item: Y.Item | null = Y.getItem(this.#doc.store, Y.createID(client, clock)) as Y.Item
    while (item && depth <= MAX_TYPE_DEPTH) {
      depth++
      item = (item.parent as Y.AbstractType<unknown> | null)?._item ?? null
    }
    this.#depth.set(key, depth)
    return depth
  }
}

/**
 * Items an update may make the relay walk past: an honest item's neighbours were adjacent when it
 * was typed, with at most the edits others made meanwhile at the same place in between (Yjs walks
 * the same items to integrate it).
 */
function walkBudget(updateBytes: number): number {
  return 1000 + 4 * updateBytes
}

/**
 * Applies `update` to a copy of `doc` and checks there, with the update integrated, each new
 * item's place (`rightIsRight`), and that nothing is left pending. Costs a copy of the document:
 * the room allows it as often as a request for the whole document.
 */
export function orderHoldsInCopy(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.decodeStateVector(Y.encodeStateVector(copy))
  try {
    Y.applyUpdate(copy, update)
  } catch {
    return false
  }
  const { store } = copy
  if (store.pendingStructs || store.pendingDs) return false
  const walk = { steps: walkBudget(update.length) }
  for (const [client, structs] of store.clients) {
    const since = before.get(client) ?? 0
    if (Y.getState(store, client) <= since) continue
    for (let i = Y.findIndexSS(structs, since); i < structs.length; i++) {
      const item = structs[i]!
      if (!(item instanceof Y.Item)) continue
      if (!rightIsRight(store, item.origin, item.rightOrigin, walk)) return false
    }
  }
  return true
}

/**
 * Yjs places an item between its left and right neighbours (`origin`, `rightOrigin`), scanning
 * from left to right. A right neighbour that is not to the right of the left one — the same item,
 * or one before it — puts it where the order replicas learnt things decides: they would disagree
 * for good. Walks as Yjs' own integration does, within `walk`.
 */
function rightIsRight(
  store: Y.Doc['store'],
  origin: Y.ID | null,
  rightOrigin: Y.ID | null,
  walk: { steps: number },
): boolean {
  if (!origin || !rightOrigin) return true
  const left = Y.getItem(store, origin)
  const right = Y.getItem(store, rightOrigin)
  // Yjs garbage-collects an item next to a collected one: it has no place to check.
  if (left instanceof Y.GC || right instanceof Y.GC) return true
  if (left === right) return origin.clock < rightOrigin.clock
  for (let next = (left as Y.Item).right; next; next = next.right) {
    if (next === right) return true
    if (--walk.steps < 0) return false
  }
  return false
}

function idKey(id: Y.ID): string {
  return `item:${id.client}:${id.clock}`
}

/** Clients waiting for clocks of one client, smallest clock first (a binary heap). */
class MinQueue {
  readonly #clocks: number[] = []
  readonly #clients: number[] = []

  get size(): number {
    return this.#clocks.length
  }

  peek(): number {
    return this.#clocks[0]!
  }

  push(clock: number, client: number): void {
    const clocks = this.#clocks
    const clients = this.#clients
    let i = clocks.length
    clocks.push(clock)
    clients.push(client)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (clocks[parent]! <= clocks[i]!) break
      this.#swap(i, parent)
      i = parent
    }
  }

  pop(): number {
    const clocks = this.#clocks
    const client = this.#clients[0]!
    const last = clocks.length - 1
    this.#swap(0, last)
    clocks.pop()
    this.#clients.pop()
    for (let i = 0; ;) {
      const l = 2 * i + 1
      const r = l + 1
      let smallest = i
      if (l < clocks.length && clocks[l]! < clocks[smallest]!) smallest = l
      if (r < clocks.length && clocks[r]! < clocks[smallest]!) smallest = r
      if (smallest === i) break
      this.#swap(i, smallest)
      i = smallest
    }
    return client
  }

  #swap(a: number, b: number): void {
    const clocks = this.#clocks
    const clients = this.#clients
    ;[clocks[a], clocks[b]] = [clocks[b]!, clocks[a]!]
    ;[clients[a], clients[b]] = [clients[b]!, clients[a]!]
  }
}
