/**
 * What an atelier tablet may write: the relay's side of atelier links (docs/protocol.md,
 * section 1). A tablet connects with the meeting's read key and its atelier's key; the relay
 * stores no key, and recognises the atelier key by the hash the coordinator's device wrote into
 * the atelier's entry (`atelierKeyMatches`). Each update of such a connection is applied only if
 * every item it inserts, overwrites or deletes lies in that atelier's part of the meeting
 * (`withinAtelier`):
 *
 *   ateliers    the entry of this atelier: its fields, not the entry itself, nor `keyCheck`
 *   proposals   entries whose `atelierId` is this atelier, before and after the update
 *   notes       keys "<atelierId>|…" (not the plenary's "debate|…" notes)
 *   attendance  keys "<atelierId>|…"
 *   devices     entries whose value names this atelier, before and after; a new value exactly
 *               as the app writes it (`deviceEntrySchema`) under a device id
 *
 * Everything else (meta, trame, plenary, groups, votes, retained proposals, other ateliers) is
 * the coordinator's. Where each item goes is what `updateCheck.ts` already worked out for the
 * same structs (`Placements`): this module walks from there up to the root and its key.
 */
import { timingSafeEqual } from 'node:crypto'
import * as Y from 'yjs'
import { KEY_CHECK_FIELD } from '../src/doc/ateliers'
import { deviceEntrySchema } from '../src/doc/devices'
import { ROOT } from '../src/doc/layout'
import { debateNoteKey } from '../src/doc/plenary'
import { isEntityId } from '../src/doc/untrusted'
import type { DeleteSet, Placed, Placements } from './updateCheck'

/** The field of a proposal that says which atelier it belongs to. */
const ATELIER_OF_PROPOSAL = 'atelierId'

/**
 * Whether `keyCheck` (the hash of the key the connection presented) is the one this atelier's
 * entry holds. Read at each message, so a tablet that connected before the coordinator's check
 * reached the relay writes as soon as it has. Compared in constant time.
 */
export function atelierKeyMatches(doc: Y.Doc, atelierId: string, keyCheck: string): boolean {
  const entry = valueOf(doc.share.get(ROOT.ateliers), atelierId)
  const stored = entry instanceof Y.AbstractType ? valueOf(entry, KEY_CHECK_FIELD) : undefined
  if (typeof stored !== 'string' || stored.length !== keyCheck.length) return false
  return timingSafeEqual(Buffer.from(stored), Buffer.from(keyCheck))
}

/** Where an item is: the root, the key of the root's entry it is in, and the field of that entry. */
interface Location {
  root: string
  key: string | null
  /** The item is the entry itself (a value set at `root[key]`). */
  isEntry: boolean
  /** The entry's field the item is in (null for the entry itself or a text's characters). */
  field: string | null
}

/**
 * Whether every change of a checked update (`checkUpdate` said ok, on this same document, not
 * yet applied) stays within the atelier. Linear in the update, plus the document's items its
 * delete set names.
 */
export function withinAtelier(
  doc: Y.Doc,
  atelierId: string,
  placed: Placements,
  deleteSet: DeleteSet,
): boolean {
  return new ScopeCheck(doc, atelierId, placed).run(deleteSet)
}

class ScopeCheck {
  readonly #doc: Y.Doc
  readonly #atelierId: string
  readonly #placed: Placements
  /** The update's new shared types, by `item:<client>:<clock>` (what `Placed.parent` names). */
  readonly #newTypes = new Map<string, Y.Item>()
  readonly #locations = new Map<Y.Item, Location | null>()
  readonly #rootNames = new Map<Y.AbstractType<unknown>, string>()

  constructor(doc: Y.Doc, atelierId: string, placed: Placements) {
    this.#doc = doc
    this.#atelierId = atelierId
    this.#placed = placed
    for (const struct of placed.keys())
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType)
        this.#newTypes.set(`item:${struct.id.client}:${struct.id.clock}`, struct)
  }

  run(deleteSet: DeleteSet): boolean {
    const store = this.#doc.store
    /** New proposals, and those of them the update gives this atelier's id. */
    const newProposals = new Set<Y.Item>()
    const stamped = new Set<Y.Item>()
    for (const [struct, placed] of this.#placed) {
      if (!(struct instanceof Y.Item)) continue
      // Already in the document: Yjs skips it.
      if (struct.id.clock + struct.length <= Y.getState(store, struct.id.client)) continue
      const location = this.#locate(struct)
      if (location === null) continue // garbage: Yjs collects it, it changes nothing
      if (!this.#mayInsert(struct, location, placed)) return false
      if (location.root === ROOT.proposals && location.isEntry) newProposals.add(struct)
      if (location.root === ROOT.proposals && location.field === ATELIER_OF_PROPOSAL) {
        const entry = this.#newTypes.get(placed.parent ?? '')
        if (entry) stamped.add(entry)
      }
    }
    for (const proposal of newProposals) if (!stamped.has(proposal)) return false
    return this.#extendsOnlyItsClients() && this.#deletionsWithin(deleteSet)
  }

  /**
   * A client's clocks are its own: items written under another device's client id at its next
   * clocks, however harmless, would make the relay skip that device's own items at those
   * clocks (Yjs takes them for known), and its edits would never reach anyone. An atelier
   * connection extends only a new client or one whose last item is in its atelier, as every
   * item of its own tablet is.
   */
  #extendsOnlyItsClients(): boolean {
    const store = this.#doc.store
    const extended = new Set<number>()
    for (const struct of this.#placed.keys())
      if (struct.id.clock + struct.length > Y.getState(store, struct.id.client))
        extended.add(struct.id.client)
    for (const client of extended) {
      const state = Y.getState(store, client)
      if (state === 0) continue
      const last = Y.getItem(store, Y.createID(client, state - 1))
      if (!(last instanceof Y.Item)) continue // collected: nothing says whose it was
      const location = this.#locate(last)
      if (location !== null && !this.#mayChange(last, location)) return false
    }
    return true
  }

  #mayInsert(item: Y.Item, location: Location, placed: Placed): boolean {
    if (location.root === ROOT.devices) return this.#mayPutDevice(item, location, placed)
    if (!this.#mayChange(item, location)) return false
    if (location.root === ROOT.proposals && location.field === ATELIER_OF_PROPOSAL)
      return !location.isEntry && this.#holdsOnly(item, (value) => value === this.#atelierId)
    return true
  }

  /**
   * A presence entry under a device id, exactly as the app writes it: every device's screens
   * read these values, so none carries more than its few fields (no junk of megabytes, no
   * nested values, no fields of other types). Or a value already overwritten, whose content
   * Yjs dropped: a tablet whose presence the relay missed (before its key check arrived, or a
   * relay that lost its data) sends its older entries so, and refusing them would hold back
   * every later change of that tablet. Either replaces the value there, if any, which must be
   * this atelier's too.
   */
  #mayPutDevice(item: Y.Item, { key, isEntry }: Location, placed: Placed): boolean {
    if (!isEntry || !isEntityId(key)) return false
    const replaced = this.#currentItem(placed)
    if (replaced !== null && !this.#namesAtelier(replaced)) return false
    return (
      item.content instanceof Y.ContentDeleted ||
      this.#holdsOnly(item, (value) => this.#isOwnPresence(value))
    )
  }

  /** A plain `{ kind: 'atelier', atelierId, lastSyncedAt }` naming this atelier. */
  #isOwnPresence(value: unknown): boolean {
    // lib0 decodes a key "__proto__" as the object's prototype, whose fields zod would read.
    if (
      typeof value !== 'object' ||
      value === null ||
      Object.getPrototypeOf(value) !== Object.prototype
    )
      return false
    const entry = deviceEntrySchema.safeParse(value)
    return (
      entry.success && entry.data.kind === 'atelier' && entry.data.atelierId === this.#atelierId
    )
  }

  /** The rules every inserted or deleted item must pass (see the header). */
  #mayChange(item: Y.Item, { root, key, isEntry, field }: Location): boolean {
    const atelierId = this.#atelierId
    if (key === null) return false
    switch (root) {
      case ROOT.ateliers:
        return key === atelierId && !isEntry && field !== KEY_CHECK_FIELD
      case ROOT.notes:
        // An atelier whose id were the word "debate" would otherwise reach the plenary's notes.
        return key.startsWith(`${atelierId}|`) && !key.startsWith(debateNoteKey(''))
      case ROOT.attendance:
        return key.startsWith(`${atelierId}|`)
      case ROOT.devices:
        return isEntry && this.#namesAtelier(item)
      case ROOT.proposals:
        return this.#proposalIsOurs(key)
      default:
        return false
    }
  }

  /** The proposal at `key` in the document, if any, is this atelier's (before the update). */
  #proposalIsOurs(key: string): boolean {
    const current = valueOf(this.#doc.share.get(ROOT.proposals), key)
    if (current === undefined) return true
    return (
      current instanceof Y.AbstractType && valueOf(current, ATELIER_OF_PROPOSAL) === this.#atelierId
    )
  }

  #deletionsWithin(deleteSet: DeleteSet): boolean {
    const store = this.#doc.store
    for (const [client, ranges] of deleteSet.clients) {
      const structs = store.clients.get(client)
      if (!structs) continue // only the update's own items: checked as insertions
      const state = Y.getState(store, client)
      for (const { clock, len } of ranges) {
        const end = Math.min(clock + len, state)
        if (clock >= end) continue
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const struct = structs[i]!
          if (struct.id.clock >= end) break
          // Deleting what is already deleted changes nothing: a tablet's whole document carries
          // every deletion it knows of, the coordinator's included.
          if (!(struct instanceof Y.Item) || struct.deleted) continue
          const location = this.#locate(struct)
          if (location === null) continue
          if (!this.#mayChange(struct, location)) return false
          // A proposal keeps its atelier: its `atelierId` is replaced, never removed.
          if (location.root === ROOT.proposals && location.field === ATELIER_OF_PROPOSAL)
            return false
        }
      }
    }
    return true
  }

  /** Where an item of the update or of the document sits; null if Yjs collects it. */
  #locate(item: Y.Item): Location | null {
    if (this.#locations.has(item)) return this.#locations.get(item)!
    const placed = this.#placed.get(item)
    const location = placed ? this.#locateNew(placed) : this.#locateInDocument(item)
    this.#locations.set(item, location)
    return location
  }

  #locateNew(placed: Placed): Location | null {
    const { parent, parentSub } = placed
    if (parent === null) return null
    if (parent.startsWith('root:'))
      return { root: parent.slice('root:'.length), key: parentSub, isEntry: true, field: null }
    const parentItem = this.#newTypes.get(parent) ?? this.#documentItem(parent)
    const above = parentItem && this.#locate(parentItem)
    if (!above) return null
    // Nesting is bounded by `updateCheck.ts` (MAX_TYPE_DEPTH), so is this recursion. The key
    // as placed: an item written after a neighbour carries its `parentSub` only once integrated.
    return { ...above, isEntry: false, field: above.isEntry ? parentSub : above.field }
  }

  #locateInDocument(item: Y.Item): Location | null {
    let entry = item
    let below: Y.Item | null = null
    for (let type = entry.parent as Y.AbstractType<unknown> | null; type?._item;) {
      below = entry
      entry = type._item
      type = entry.parent as Y.AbstractType<unknown> | null
    }
    const root = entry.parent as Y.AbstractType<unknown> | null
    if (!root) return null
    return {
      root: this.#rootName(root),
      key: entry.parentSub,
      isEntry: below === null,
      field: below === null ? null : (below.parentSub ?? null),
    }
  }

  #documentItem(typeKey: string): Y.Item | null {
    const [client, clock] = typeKey.slice('item:'.length).split(':').map(Number) as [number, number]
    if (clock >= Y.getState(this.#doc.store, client)) return null
    const item = Y.getItem(this.#doc.store, Y.createID(client, clock))
    return item instanceof Y.Item ? item : null
  }

  #rootName(type: Y.AbstractType<unknown>): string {
    let name = this.#rootNames.get(type)
    if (name === undefined) this.#rootNames.set(type, (name = Y.findRootTypeKey(type)))
    return name
  }

  /** The document's current item under the key a new item is set at, if any. */
  #currentItem({ parent, parentSub }: Placed): Y.Item | null {
    if (parent === null || parentSub === null || !parent.startsWith('root:')) return null
    const type = this.#doc.share.get(parent.slice('root:'.length))
    const current = type?._map.get(parentSub)
    return current && !current.deleted ? current : null
  }

  /**
   * A device entry whose plain value `{ atelierId, … }` names this atelier. One whose value
   * Yjs collected (it was overwritten) is judged by the entry now under its key, the same
   * device's: a second window of a tablet overwrites the first one's entry, which may be the
   * last item of that window's client.
   */
  #namesAtelier(item: Y.Item): boolean {
    const names = (entry: Y.Item) =>
      this.#holdsOnly(
        entry,
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          Object.hasOwn(value, 'atelierId') &&
          (value as Record<string, unknown>).atelierId === this.#atelierId,
      )
    if (!(item.content instanceof Y.ContentDeleted)) return names(item)
    const parent = item.parent as Y.AbstractType<unknown> | null
    const current = item.parentSub === null ? undefined : parent?._map.get(item.parentSub)
    return current !== undefined && !current.deleted && names(current)
  }

  #holdsOnly(item: Y.Item, accept: (value: unknown) => boolean): boolean {
    return item.content instanceof Y.ContentAny && item.content.arr.every(accept)
  }
}

/** The current value under `key` of a map-like type, as `Y.Map.get` reads it. */
function valueOf(type: { _map: Map<string, Y.Item> } | undefined, key: string): unknown {
  const item = type?._map.get(key)
  if (!item || item.deleted) return undefined
  return item.content.getContent().at(-1)
}
