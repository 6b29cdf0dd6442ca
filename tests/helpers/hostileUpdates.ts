/**
 * Structurally hostile Yjs updates that decode cleanly — what a buggy client, an old version or a
 * hand-crafted frame can send a relay: zero-length items and deletions, references ahead of their
 * own client or to structs nobody has, neighbours in different types, deep nesting, a client in
 * two sections, gaps, huge clocks, and honest updates cut, flipped or spliced. References point
 * into `known` (a document like the relay's), so many of them hit real structs.
 *
 * An item's neighbours are either plausible (next to each other in `known`, as a writer who knew
 * it would pick them) or contradictory in a way the relay can see (the same item, or two types).
 * Neighbours far apart in one list, claiming the writer ignored items it must have known, are
 * left out: Yjs trusts them, and the relay does not try to prove them wrong (see `updateCheck.ts`).
 *
 *   const update = hostileUpdate(random, doc)
 */
import * as Y from 'yjs'
import { item, rawUpdate, type Content, type Ref, type Struct } from './rawUpdates'
import type { Random } from './random'

/** A clock of an existing struct of `doc`, or a made-up one when it is empty. */
function knownRef(random: Random, doc: Y.Doc): Ref {
  const clients = [...doc.store.clients]
  if (clients.length === 0) return { client: 1 + random.int(5), clock: random.int(4) }
  const [client, structs] = random.pick(clients)
  const struct = random.pick(structs)
  return { client, clock: struct.id.clock + random.int(struct.length) }
}

const ROOTS = ['t', 'm', 'a', 'meta']

function content(random: Random, allowEmpty: boolean): Content {
  const text = allowEmpty && random.chance(0.3) ? '' : 'é'.repeat(1 + random.int(4))
  switch (random.int(4)) {
    case 0:
      return { string: text }
    case 1:
      return { any: allowEmpty && random.chance(0.3) ? [] : [random.int(9), { s: text }] }
    case 2:
      return { deleted: allowEmpty && random.chance(0.3) ? 0 : 1 + random.int(3) }
    default:
      return { type: random.pick(['array', 'map', 'text'] as const) }
  }
}

/** Some item of `known` that sits in a list (not garbage collected), or null. */
function someListItem(random: Random, known: Y.Doc): Y.Item | null {
  const items = [...known.store.clients.values()]
    .flat()
    .filter((struct): struct is Y.Item => struct instanceof Y.Item && struct.parent !== null)
  return items.length > 0 ? random.pick(items) : null
}

const idOf = (id: Y.ID): Ref => ({ client: id.client, clock: id.clock })

/** Neighbours next to each other in `known`: after some item, or at the start of its list. */
function adjacent(
  random: Random,
  known: Y.Doc,
): Pick<Struct & object, never> & {
  origin?: Ref
  rightOrigin?: Ref
} {
  const left = someListItem(random, known)
  if (!left) return {}
  if (random.chance(0.2) && left.parentSub === null) {
    const first = (left.parent as Y.AbstractType<unknown>)._start
    return first ? { rightOrigin: idOf(first.id) } : {}
  }
  const clock = left.id.clock + random.int(left.length)
  const origin = { client: left.id.client, clock }
  if (clock < left.id.clock + left.length - 1)
    return { origin, rightOrigin: { ...origin, clock: clock + 1 } }
  return left.right ? { origin, rightOrigin: idOf(left.right.id) } : { origin }
}

/** A plausible item: in a root, under a known struct, or between two adjacent known ones. */
function someItem(random: Random, known: Y.Doc, allowEmpty = false): Struct {
  const body = content(random, allowEmpty)
  switch (random.int(3)) {
    case 0: {
      const neighbours = adjacent(random, known)
      if (neighbours.origin || neighbours.rightOrigin) return { ...neighbours, content: body }
      return item(random.pick(ROOTS), body)
    }
    case 1:
      return item(knownRef(random, known), body, random.chance(0.5) ? 'k' : undefined)
    default:
      return item(random.pick(ROOTS), body, random.chance(0.5) ? `k${random.int(3)}` : undefined)
  }
}

/** The next clock of `client` in `known`: an update there continues it without a gap. */
function nextClock(known: Y.Doc, client: number): number {
  return Y.getState(known.store, client)
}

/**
 * Hostile clients are numbered from 1000: below are the honest devices of a test, which an
 * attacker does not impersonate (Yjs would then give the device a new random id, and a seeded run
 * would no longer replay).
 */
export const FIRST_HOSTILE_CLIENT = 1000

const newClient = (random: Random) => FIRST_HOSTILE_CLIENT + random.int(1_000_000)

/** A new hostile client, or one that already wrote to `known`. */
function hostileClient(random: Random, known: Y.Doc): number {
  const earlier = [...known.store.clients.keys()].filter((c) => c >= FIRST_HOSTILE_CLIENT)
  return earlier.length > 0 && random.chance(0.3) ? random.pick(earlier) : newClient(random)
}

export function hostileUpdate(random: Random, known: Y.Doc, honest: Uint8Array[]): Uint8Array {
  const client = hostileClient(random, known)
  const clock = nextClock(known, client)
  const run = (structs: Struct[]) => rawUpdate([{ client, clock, structs }])
  switch (random.int(honest.length > 0 ? 12 : 10)) {
    case 0: // zero-length items among plausible ones
      return run(Array.from({ length: 1 + random.int(4) }, () => someItem(random, known, true)))
    case 1: // deletions, some of zero length, some beyond what exists
      return rawUpdate(
        [],
        [
          {
            client: knownRef(random, known).client,
            ranges: Array.from({ length: 1 + random.int(3) }, () => [
              knownRef(random, known).clock,
              random.int(4),
            ]),
          },
        ],
      )
    case 2: // a reference ahead of its own client
      return run([
        someItem(random, known),
        { origin: { client, clock: clock + 5 + random.int(5) }, content: { string: 'x' } },
      ])
    case 3: {
      // neighbours that contradict: in two different types, or the right one not to the right
      const a = someListItem(random, known)
      const b = someListItem(random, known)
      if (!a || !b) return run([someItem(random, known)])
      const crossing = a.parent === b.parent && a.parentSub === b.parentSub
      const rightOrigin = crossing ? idOf(a.id) : idOf(b.id)
      const origin = { client: a.id.client, clock: a.id.clock + a.length - 1 }
      return run([{ origin, rightOrigin, content: content(random, false) }])
    }
    case 4: // depends on structs nobody has
      return run([
        { origin: { client: newClient(random), clock: random.int(9) }, content: { string: 'o' } },
      ])
    case 5: {
      // types nested deep
      const depth = 10 + random.int(40)
      const structs: Struct[] = [item(random.pick(ROOTS), { type: 'map' }, 'k')]
      for (let i = 1; i < depth; i++)
        structs.push(item({ client, clock: clock + i - 1 }, { type: 'map' }, 'k'))
      return run(structs)
    }
    case 6: // one client in two sections
      return rawUpdate([
        { client, clock, structs: [someItem(random, known)] },
        { client, clock: clock + random.int(3), structs: [someItem(random, known)] },
      ])
    case 7: // a gap in the client's clocks, or a skip
      return random.chance(0.5)
        ? rawUpdate([
            { client, clock: clock + 1 + random.int(5), structs: [someItem(random, known)] },
          ])
        : run([someItem(random, known), { skip: 1 + random.int(3) }, someItem(random, known)])
    case 8: // garbage-collected ranges, some huge
      return run([{ gc: random.chance(0.5) ? 1 + random.int(4) : 2 ** (20 + random.int(20)) }])
    case 10: {
      // an honest update, bits flipped
      const update = Uint8Array.from(random.pick(honest))
      for (let i = 0, n = 1 + random.int(3); i < n; i++)
        update[random.int(update.length)]! ^= 1 << random.int(8)
      return update
    }
    case 11: {
      // an honest update cut short, or two spliced
      const a = random.pick(honest)
      const b = random.pick(honest)
      const cut = a.subarray(0, random.int(a.length))
      return random.chance(0.5)
        ? cut
        : Uint8Array.from([...cut, ...b.subarray(random.int(b.length))])
    }
    default: // plausible items: most are fine
      return run(Array.from({ length: 1 + random.int(4) }, () => someItem(random, known)))
  }
}

/**
 * How a deep nesting names each type's parent: `parents`, each map in the one before (the issue's
 * 5,000-deep stall, 40 KB); `sections`, each map by a client of its own, the deepest written first,
 * so every parent comes later in the update; `neighbours`, each map beside a string (of emoji: two
 * clocks each) that sits in the map before, so it is nested through its neighbour.
 */
export type Nesting = 'parents' | 'sections' | 'neighbours'

/** Maps nested `depth` deep in the root map `root`, under the key `k`. */
export function deepNesting(depth: number, how: Nesting = 'parents'): Uint8Array {
  const client = 77
  const levels = Array.from({ length: depth }, (_, level) => level)
  switch (how) {
    case 'parents':
      return rawUpdate([
        {
          client,
          clock: 0,
          structs: levels.map((level) =>
            item(level === 0 ? 'root' : { client, clock: level - 1 }, { type: 'map' }, 'k'),
          ),
        },
      ])
    case 'sections':
      return rawUpdate(
        levels.reverse().map((level) => ({
          client: client + level,
          clock: 0,
          structs: [
            item(
              level === 0 ? 'root' : { client: client + level - 1, clock: 0 },
              { type: 'map' },
              'k',
            ),
          ],
        })),
      )
    case 'neighbours': {
      // Level n: a string at clock 6n, in the map of level n - 1 (clock 6n - 1), then the map of
      // level n at 6n + 5, beside the string's last clock: it replaces it under the key.
      const text = '😀😀é' // 5 clocks: Yjs counts UTF-16 code units
      const structs = levels.flatMap((level): Struct[] => [
        item(level === 0 ? 'root' : { client, clock: 6 * level - 1 }, { string: text }, 'k'),
        { origin: { client, clock: 6 * level + 4 }, content: { type: 'map' } },
      ])
      return rawUpdate([{ client, clock: 0, structs }])
    }
  }
}

/** One value nested `depth` deep in the root map `root`: lib0's any, or a JSON text. */
export function deepValue(depth: number, as: 'any' | 'json'): Uint8Array {
  let content: Content
  if (as === 'json') content = { json: ['['.repeat(depth) + '1' + ']'.repeat(depth)] }
  else {
    let value: unknown = 1
    for (let i = 0; i < depth; i++) value = [value]
    content = { any: [value] } // lib0 writes it recursively: a few thousand levels at most
  }
  return rawUpdate([{ client: 78, clock: 0, structs: [item('root', content, 'v')] }])
}
