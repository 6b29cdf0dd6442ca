import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { item, rawUpdate, type Content, type Struct } from '../tests/helpers/rawUpdates'
import { seededRandom } from '../tests/helpers/random'
import { randomEdit } from '../tests/helpers/randomEdits'
import { checkUpdate, orderHoldsInCopy } from './updateCheck'
import { MAX_TYPE_DEPTH } from './updateScan'

/** Three replicas editing texts, maps and nested types, exchanging updates in random batches. */
function honestUpdates(seed: number): { updates: Uint8Array[]; whole: Uint8Array } {
  const random = seededRandom(seed)
  const docs = [1, 2, 3].map((clientID) => {
    const doc = new Y.Doc()
    doc.clientID = clientID
    return doc
  })
  const updates: Uint8Array[] = []
  for (let step = 0; step < 200; step++) {
    const doc = random.pick(docs)
    const before = Y.encodeStateVector(doc)
    if (random.chance(0.8)) randomEdit(random, doc)
    else {
      const other = random.pick(docs)
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))
    }
    updates.push(Y.encodeStateAsUpdate(doc, before))
  }
  const whole = new Y.Doc()
  for (const doc of docs) Y.applyUpdate(whole, Y.encodeStateAsUpdate(doc))
  return { updates, whole: Y.encodeStateAsUpdate(whole) }
}

const malformed = (doc: Y.Doc, update: Uint8Array) => {
  const result = checkUpdate(doc, update)
  return !result.ok && 'malformed' in result ? result.malformed : null
}

describe('checkUpdate', () => {
  it('accepts what Yjs clients write, in causal order, and a whole document at once', () => {
    for (const seed of [1, 2, 3]) {
      const { updates, whole } = honestUpdates(seed)
      const doc = new Y.Doc()
      for (const update of updates) {
        expect(checkUpdate(doc, update)).toMatchObject({ ok: true })
        Y.applyUpdate(doc, update)
      }
      expect(checkUpdate(new Y.Doc(), whole)).toMatchObject({ ok: true })
      expect(checkUpdate(doc, whole)).toMatchObject({ ok: true })
    }
  })

  it('says which struct an update waits for when its dependencies are missing', () => {
    const { updates } = honestUpdates(4)
    const doc = new Y.Doc()
    let waited = 0
    for (const update of updates.slice(20)) {
      const result = checkUpdate(doc, update)
      if (result.ok) Y.applyUpdate(doc, update)
      else if ('missing' in result) {
        waited++
        expect(result.missing.clock).toBeGreaterThanOrEqual(
          Y.getState(doc.store, result.missing.client),
        )
      } else expect.fail(`honest update called malformed: ${result.malformed}`)
      expect(doc.store.pendingStructs).toBeNull()
      expect(doc.store.pendingDs).toBeNull()
    }
    expect(waited).toBeGreaterThan(0)
  })

  it('refuses zero-length items and zero-length deletions', () => {
    const doc = new Y.Doc()
    const zeros: Content[] = [{ any: [] }, { string: '' }, { deleted: 0 }]
    for (const zero of zeros)
      expect(
        malformed(doc, rawUpdate([{ client: 1, clock: 0, structs: [item('m', zero, 'x')] }])),
      ).toBe('zero-length struct')
    expect(malformed(doc, rawUpdate([{ client: 1, clock: 0, structs: [{ gc: 0 }] }]))).toBe(
      'zero-length struct',
    )
    const one = rawUpdate([{ client: 1, clock: 0, structs: [item('t', { string: 'a' })] }])
    Y.applyUpdate(doc, one)
    expect(malformed(doc, rawUpdate([], [{ client: 1, ranges: [[0, 0]] }]))).toBe(
      'zero-length deletion',
    )
    expect(checkUpdate(doc, rawUpdate([], [{ client: 1, ranges: [[0, 1]] }]))).toMatchObject({
      ok: true,
    })
  })

  it('refuses references Yjs would follow blindly or integrate inconsistently', () => {
    const doc = new Y.Doc()
    const ahead: Struct = { origin: { client: 1, clock: 5 }, content: { string: 'a' } }
    expect(malformed(doc, rawUpdate([{ client: 1, clock: 0, structs: [ahead] }]))).toBe(
      'reference ahead of its own client',
    )
    Y.applyUpdate(
      doc,
      rawUpdate([
        { client: 1, clock: 0, structs: [item('a', { string: 'x' }), item('b', { string: 'y' })] },
      ]),
    )
    const straddling: Struct = {
      origin: { client: 1, clock: 0 },
      rightOrigin: { client: 1, clock: 1 },
      content: { string: 'z' },
    }
    expect(malformed(doc, rawUpdate([{ client: 2, clock: 0, structs: [straddling] }]))).toBe(
      'neighbours in different types',
    )
    const twice = rawUpdate([
      { client: 3, clock: 0, structs: [item('t', { string: 'a' })] },
      { client: 3, clock: 1, structs: [item('t', { string: 'b' })] },
    ])
    expect(malformed(doc, twice)).toBe('client in two sections')
    expect(
      malformed(doc, rawUpdate([{ client: 4, clock: 0, structs: [item('t', { doc: 'g' })] }])),
    ).toBe('sub-document')
  })

  it('waits for a gap, a struct after a skip, a missing neighbour or deleted clocks', () => {
    const doc = new Y.Doc()
    const gap = rawUpdate([{ client: 1, clock: 3, structs: [item('t', { string: 'a' })] }])
    expect(checkUpdate(doc, gap)).toEqual({ ok: false, missing: { client: 1, clock: 0 } })
    const skip = rawUpdate([
      {
        client: 1,
        clock: 0,
        structs: [item('t', { string: 'a' }), { skip: 2 }, item('t', { string: 'b' })],
      },
    ])
    expect(checkUpdate(doc, skip)).toEqual({ ok: false, missing: { client: 1, clock: 1 } })
    const orphan = rawUpdate([
      {
        client: 2,
        clock: 0,
        structs: [{ origin: { client: 9, clock: 4 }, content: { string: 'c' } }],
      },
    ])
    expect(checkUpdate(doc, orphan)).toEqual({ ok: false, missing: { client: 9, clock: 4 } })
    const deletion = rawUpdate([], [{ client: 5, ranges: [[0, 2]] }])
    expect(checkUpdate(doc, deletion)).toEqual({ ok: false, missing: { client: 5, clock: 1 } })
  })

  it(`refuses types nested deeper than ${MAX_TYPE_DEPTH}, counting the document's own`, () => {
    const nested = (client: number, depth: number, under?: { client: number; clock: number }) => {
      const structs: Struct[] = []
      for (let i = 0; i < depth; i++)
        structs.push(
          item(i === 0 ? (under ?? 'root') : { client, clock: i - 1 }, { type: 'map' }, 'k'),
        )
      return rawUpdate([{ client, clock: 0, structs }])
    }
    const doc = new Y.Doc()
    expect(malformed(doc, nested(1, 5000))).toBe('types nested too deep')
    const half = nested(1, MAX_TYPE_DEPTH / 2)
    expect(checkUpdate(doc, half)).toMatchObject({ ok: true })
    Y.applyUpdate(doc, half)
    const under = { client: 1, clock: MAX_TYPE_DEPTH / 2 - 1 }
    expect(checkUpdate(doc, nested(2, MAX_TYPE_DEPTH / 2, under))).toMatchObject({ ok: true })
    expect(malformed(doc, nested(2, MAX_TYPE_DEPTH / 2 + 1, under))).toBe('types nested too deep')
  })

  it('refuses a JSON value nested too deep', () => {
    let value: unknown = 1
    for (let i = 0; i < 100; i++) value = [value]
    const update = rawUpdate([{ client: 1, clock: 0, structs: [item('m', { any: [value] }, 'k')] }])
    expect(malformed(new Y.Doc(), update)).toBe('value nested too deep')
  })
})

describe('an update resending part of what the room holds', () => {
  it('is refused when the tail Yjs integrates after the held head lands between two types (fuzz seed 21193228)', () => {
    // The room holds client 5's first two clocks in the map `m` (as a mutated frame wrote them),
    // and an item of the text `t`. A device resends clocks 0–2 as one struct with no left
    // neighbour and that text item on its right: Yjs keeps the held head and integrates the new
    // tail right after it, in `m`, with its right neighbour in `t` — logged so, it made the
    // room's log unloadable.
    const doc = new Y.Doc()
    Y.applyUpdate(
      doc,
      rawUpdate([{ client: 5, clock: 0, structs: [item('m', { string: 'xy' }, 'k')] }]),
    )
    Y.applyUpdate(doc, rawUpdate([{ client: 6, clock: 0, structs: [item('t', { string: 'r' })] }]))
    const resent = rawUpdate([
      {
        client: 5,
        clock: 0,
        structs: [{ rightOrigin: { client: 6, clock: 0 }, content: { string: 'xyz' } }],
      },
    ])
    const check = checkUpdate(doc, resent)
    const accepted = check.ok && (check.orderChecked || orderHoldsInCopy(doc, resent))
    expect(accepted).toBe(false)
  })
})
