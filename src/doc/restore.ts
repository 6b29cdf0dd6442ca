/**
 * Restore to a moment: brings the meeting (or one atelier) back to what an earlier copy of it
 * held — a snapshot the relay kept — as one NEW change, made here and synced like any other.
 * Nothing is rewritten in place: the history stays, every device receives the change, and a
 * device that was offline merges it as usual.
 *
 * The change is computed by comparing the two documents root by root, key by key: a value that
 * differs is set back, an entry the earlier copy did not have is removed, one it had is created
 * again (a copy: Yjs types cannot move between documents), a text is edited back (only the part
 * that differs, so a concurrent keystroke elsewhere in it survives). What is equal is not
 * touched. Not restored: device presence (`devices`: who is connected now, not content) and the
 * schema version unless it was wiped (a restore never takes the document back to an older
 * layout).
 *
 * The earlier copy is untrusted input like any update: it must apply to an empty document and
 * hold a meeting; what it holds then goes through the same readers as everything else.
 */
import * as Y from 'yjs'
import { ROOT } from './layout'
import { diffText } from './notes'
import { origins } from './origins'

export type RestoreScope = { kind: 'meeting' } | { kind: 'atelier'; atelierId: string }

/** The earlier copy as a document of its own, or null if it is not a meeting. */
export function openEarlierCopy(update: Uint8Array): Y.Doc | null {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, update)
  } catch {
    return null
  }
  return typeof doc.getMap(ROOT.meta).get('schemaVersion') === 'number' ? doc : null
}

/** Which keys of which roots belong to the scope (the rest is left as it is now). */
type KeyFilter = (key: string, earlier: unknown, now: unknown) => boolean

function scopeFilters(scope: RestoreScope): Partial<Record<string, KeyFilter>> {
  if (scope.kind === 'meeting') {
    const all: Partial<Record<string, KeyFilter>> = {}
    for (const root of Object.values(ROOT)) if (root !== ROOT.devices) all[root] = () => true
    all[ROOT.meta] = (key, _earlier, now) => key !== 'schemaVersion' || now === undefined
    return all
  }
  const id = scope.atelierId
  const ownKey: KeyFilter = (key) => key.startsWith(`${id}|`)
  const ofAtelier = (entry: unknown) => entry instanceof Y.Map && entry.get('atelierId') === id
  return {
    [ROOT.ateliers]: (key) => key === id,
    [ROOT.proposals]: (_key, earlier, now) => ofAtelier(earlier) || ofAtelier(now),
    [ROOT.notes]: ownKey,
    [ROOT.attendance]: ownKey,
  }
}

/**
 * Sets `doc` back to `earlier` within `scope`, in one transaction (origin `restore`). Returns
 * whether anything changed.
 */
export function restoreFrom(doc: Y.Doc, earlier: Y.Doc, scope: RestoreScope): boolean {
  let changed = false
  const mark = () => (changed = true)
  doc.transact(() => {
    for (const [root, filter] of Object.entries(scopeFilters(scope)))
      if (filter) restoreMap(doc.getMap(root), earlier.getMap(root), filter, mark)
  }, origins.restore)
  return changed
}

function restoreMap(
  target: Y.Map<unknown>,
  source: Y.Map<unknown>,
  filter: KeyFilter,
  mark: () => void,
): void {
  const keys = new Set([...source.keys(), ...target.keys()])
  for (const key of keys) {
    const want = source.get(key)
    const have = target.get(key)
    if (!filter(key, want, have)) continue
    if (!source.has(key)) {
      target.delete(key)
      mark()
    } else if (want instanceof Y.Map && have instanceof Y.Map) {
      restoreMap(have, want, () => true, mark)
    } else if (want instanceof Y.Text && have instanceof Y.Text) {
      restoreText(have, want.toString(), mark)
    } else if (want instanceof Y.AbstractType || have instanceof Y.AbstractType) {
      if (!sameJson(want, have)) {
        target.set(key, copyOf(want))
        mark()
      }
    } else if (!target.has(key) || !sameJson(want, have)) {
      target.set(key, want)
      mark()
    }
  }
}

/** Edits `text` into `wanted`, replacing only what lies between their common start and end. */
function restoreText(text: Y.Text, wanted: string, mark: () => void): void {
  const current = text.toString()
  if (current === wanted) return
  const { index, deleteCount, insert } = diffText(current, wanted)
  if (deleteCount > 0) text.delete(index, deleteCount)
  if (insert) text.insert(index, insert)
  mark()
}

/** A copy of a value of the earlier document that can live in this one. */
function copyOf(value: unknown): unknown {
  if (value instanceof Y.Text) return new Y.Text(value.toString())
  if (value instanceof Y.Map) {
    const map = new Y.Map<unknown>()
    value.forEach((entry, key) => map.set(key, copyOf(entry)))
    return map
  }
  if (value instanceof Y.Array) return Y.Array.from(value.toArray().map(copyOf) as never[])
  return value
}

/** Equal as plain data (Yjs types by their JSON). */
function sameJson(a: unknown, b: unknown): boolean {
  const plain = (value: unknown) => (value instanceof Y.AbstractType ? value.toJSON() : value)
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b))
}
