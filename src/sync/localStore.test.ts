import 'fake-indexeddb/auto'
import { forceCloseDatabase } from 'fake-indexeddb'
import { afterEach, describe, expect, it } from 'vitest'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { fillTheDisk } from '../../tests/helpers/fullDisk'
import { waitFor } from '../../tests/helpers/waitFor'
import { LocalStore, type LocalStoreState } from './localStore'

let counter = 0
const uniqueName = () => `tandem-test-${process.pid}-${++counter}`

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** The browser's factory, with a handle on every connection the store opens. */
function recordingFactory(): IDBFactory & { connections: IDBDatabase[] } {
  const connections: IDBDatabase[] = []
  const factory = Object.create(indexedDB) as IDBFactory & { connections: IDBDatabase[] }
  factory.connections = connections
  factory.open = (name: string, version?: number) => {
    const req = indexedDB.open(name, version)
    req.addEventListener('success', () => connections.push(req.result))
    return req
  }
  return factory
}

function openStore(name: string, doc = new Y.Doc(), factory?: IDBFactory) {
  const store = new LocalStore(name, doc, { indexedDB: factory, retryMs: 20, maxRetryMs: 50 })
  cleanups.push(() => store.destroy(0))
  return { store, doc }
}

/** What the database holds, read on a connection of its own: the text of `t`. */
async function savedText(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
    const req = db.transaction(['updates'], 'readonly').objectStore('updates').getAll()
    req.onsuccess = () => resolve(req.result as Uint8Array[])
    req.onerror = () => reject(req.error)
  })
  db.close()
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

async function recordCount(name: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const req = indexedDB.open(name)
    req.onsuccess = () => resolve(req.result)
  })
  const count = await new Promise<number>((resolve) => {
    const req = db.transaction(['updates'], 'readonly').objectStore('updates').count()
    req.onsuccess = () => resolve(req.result)
  })
  db.close()
  return count
}

const type = (doc: Y.Doc, text: string) => doc.getText('t').insert(doc.getText('t').length, text)

describe('LocalStore', () => {
  it('counts a change as unsaved from the moment it is made until it is readable from disk', async () => {
    const name = uniqueName()
    const { store, doc } = openStore(name)
    await store.whenLoaded()
    // Each time the store says "nothing unsaved", a separate connection reads the database.
    const checks: Array<Promise<[string, string]>> = []
    store.subscribe(() => {
      if (store.getState().unsaved === 0) {
        const expected = doc.getText('t').toString()
        checks.push(savedText(name).then((saved) => [saved, expected]))
      }
    })
    for (let i = 0; i < 30; i++) {
      type(doc, `${i};`)
      expect(store.getState().unsaved).toBeGreaterThan(0) // said at once, before any commit
      if (i % 7 === 0) await store.whenSaved()
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 0))
    }
    await store.whenSaved()
    expect(checks.length).toBeGreaterThan(3)
    // Read a moment later, the database holds at least what the document held then.
    for (const [saved, expected] of await Promise.all(checks))
      expect(saved.startsWith(expected)).toBe(true)
  })

  it('loads what an earlier visit saved, including what y-indexeddb saved', async () => {
    const name = uniqueName()
    const legacyDoc = new Y.Doc()
    const legacy = new IndexeddbPersistence(name, legacyDoc)
    await legacy.whenSynced
    type(legacyDoc, 'écrit par y-indexeddb;')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await legacy.destroy()

    const first = openStore(name)
    await first.store.whenLoaded()
    expect(first.doc.getText('t').toString()).toBe('écrit par y-indexeddb;')
    type(first.doc, 'puis par Tandem;')
    await first.store.whenSaved()
    await first.store.destroy()

    // And the other way round: y-indexeddb reads what this store wrote.
    const back = new IndexeddbPersistence(name, new Y.Doc())
    await back.whenSynced
    expect(back.doc.getText('t').toString()).toBe('écrit par y-indexeddb;puis par Tandem;')
    await back.destroy()
  })

  it('keeps edits made before the store existed and before the database opened', async () => {
    const name = uniqueName()
    const doc = new Y.Doc()
    type(doc, 'avant;')
    const { store } = openStore(name, doc)
    type(doc, 'pendant;')
    await store.whenSaved()
    expect(await savedText(name)).toBe('avant;pendant;')
  })

  it('reopens a connection the browser closed (iPad in the background), losing nothing', async () => {
    const name = uniqueName()
    const factory = recordingFactory()
    const { store, doc } = openStore(name, new Y.Doc(), factory)
    await store.whenLoaded()
    type(doc, 'un;')
    await store.whenSaved()
    const states: LocalStoreState[] = []
    store.subscribe(() => states.push(store.getState()))

    // The browser closes it and says so ('close' event).
    // (fake-indexeddb types its argument as the class rather than an instance.)
    forceCloseDatabase(
      factory.connections.at(-1)! as unknown as Parameters<typeof forceCloseDatabase>[0],
    )
    type(doc, 'deux;')
    await store.whenSaved()
    // Closed without a word: the next transaction throws InvalidStateError.
    factory.connections.at(-1)!.close()
    type(doc, 'trois;')
    await store.whenSaved()

    expect(factory.connections).toHaveLength(3)
    // Reopened at once: no alarm for what the browser does to every backgrounded tab.
    expect(states.filter((state) => state.problem !== null)).toEqual([])
    expect(store.getState()).toEqual({ loaded: true, unsaved: 0, problem: null })
    expect(await savedText(name)).toBe('un;deux;trois;')
  })

  it('when the device is full: says so, keeps every edit in memory, saves them once it can', async () => {
    const name = uniqueName()
    const { store, doc } = openStore(name)
    await store.whenLoaded()
    type(doc, 'avant;')
    await store.whenSaved()

    const states: LocalStoreState[] = []
    store.subscribe(() => states.push(store.getState()))
    const restore = fillTheDisk()
    for (const word of ['plein;', 'encore;', 'toujours;']) {
      type(doc, word)
      await waitFor(() => store.getState().problem === 'quota', 'the quota problem')
    }
    expect(store.getState().unsaved).toBe(3)
    await new Promise((resolve) => setTimeout(resolve, 120)) // a few retries, all failing
    expect(store.getState()).toMatchObject({ problem: 'quota', unsaved: 3 })
    expect(await savedText(name)).toBe('avant;')

    restore() // space freed: the next retry commits everything, in order
    await store.whenSaved()
    expect(store.getState()).toEqual({ loaded: true, unsaved: 0, problem: null })
    expect(await savedText(name)).toBe('avant;plein;encore;toujours;')
    // While the writes were failing, the store never once said "everything saved".
    expect(states.some((state) => state.problem === 'quota')).toBe(true)
    expect(states.findIndex((state) => state.unsaved === 0)).toBe(states.length - 1)
  })

  it('runs on what the relay sends when IndexedDB cannot open, and saves it all later', async () => {
    const name = uniqueName()
    const earlier = openStore(name)
    type(earlier.doc, 'déjà là;')
    await earlier.store.whenSaved()
    await earlier.store.destroy()

    let broken = true
    const flaky = Object.create(indexedDB) as IDBFactory
    flaky.open = (dbName: string) => {
      if (broken) throw new DOMException('private mode', 'InvalidStateError')
      return indexedDB.open(dbName)
    }
    const { store, doc } = openStore(name, new Y.Doc(), flaky)
    await store.whenLoaded() // does not hang: the meeting can come from the relay
    expect(store.getState().problem).toBe('unavailable')
    type(doc, 'reçu;')
    broken = false
    await store.whenSaved()
    expect(store.getState().problem).toBeNull()
    // The saved part was read on the late open and merged, nothing overwritten.
    expect(doc.getText('t').toString()).toContain('déjà là;')
    expect(await savedText(name)).toContain('reçu;')
    expect(await savedText(name)).toContain('déjà là;')
  })

  it('compacts a long evening of keystrokes into one record, keeping another tab’s writes', async () => {
    const name = uniqueName()
    const { store, doc } = openStore(name)
    await store.whenLoaded()
    // Another tab of the same browser writes to the same database meanwhile.
    const otherTab = openStore(name)
    await otherTab.store.whenLoaded()
    type(otherTab.doc, '[autre onglet]')
    await otherTab.store.whenSaved()
    for (let i = 0; i < 520; i++) {
      type(doc, 'x')
      await store.whenSaved() // one record per keystroke, as a slow typist makes
    }
    await store.whenSaved()
    expect(await recordCount(name)).toBeLessThan(100)
    const saved = await savedText(name)
    expect(saved).toContain('[autre onglet]')
    expect(saved.replace('[autre onglet]', '')).toBe('x'.repeat(520))
  })
})
