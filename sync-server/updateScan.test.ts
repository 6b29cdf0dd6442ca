import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { FakeSocket } from '../tests/helpers/fakeSocket'
import { syncUpdateFrame } from '../tests/helpers/frames'
import { deepNesting, deepValue, type Nesting } from '../tests/helpers/hostileUpdates'
import { seededRandom } from '../tests/helpers/random'
import { randomEdit } from '../tests/helpers/randomEdits'
import { Teardown, recordingLogger, tempDir } from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'
import { Metrics } from './metrics'
import { Room } from './room'
import { checkUpdate } from './updateCheck'
import { MAX_TYPE_DEPTH, MAX_VALUE_DEPTH, scanUpdate } from './updateScan'

// Counts Yjs' decodings: a refused update must cost the relay none.
vi.mock('yjs', async (importOriginal) => {
  const yjs = await importOriginal<typeof import('yjs')>()
  return { ...yjs, decodeUpdate: vi.fn(yjs.decodeUpdate) }
})
const decodings = vi.mocked(Y.decodeUpdate)
beforeEach(() => {
  decodings.mockClear()
})

const teardown = new Teardown()
afterEach(() => teardown.run())

const NESTINGS: Nesting[] = ['parents', 'sections', 'neighbours']

/** How deep the maps of `doc`'s root map `root` nest under the key `k`. */
function nestingDepth(doc: Y.Doc): number {
  let depth = 0
  for (let map = doc.getMap('root').get('k'); map instanceof Y.Map; map = map.get('k')) depth++
  return depth
}

describe('scanUpdate', () => {
  it('lets through what Yjs clients write: edits, nested types, emoji, whole documents', () => {
    const random = seededRandom(15)
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 300; i++) randomEdit(random, doc)
    doc.getText('t').insert(0, '😀 é ✓ 𝄞')
    let map = doc.getMap('root')
    for (let level = 0; level < MAX_TYPE_DEPTH; level++) map.set('k', (map = new Y.Map()))
    for (const update of [...updates, Y.encodeStateAsUpdate(doc)])
      expect(scanUpdate(update)).toBeNull()
  })

  it.each(NESTINGS)('refuses maps nested too deep through %s, as Yjs would nest them', (how) => {
    // The fixture nests as Yjs sees it (a shallow one, applied)…
    const shallow = new Y.Doc()
    Y.applyUpdate(shallow, deepNesting(5, how))
    expect(nestingDepth(shallow)).toBe(5)
    expect(scanUpdate(deepNesting(MAX_TYPE_DEPTH, how))).toBeNull()
    // …and one level more is refused on its bytes, as is the 5,000.
    expect(scanUpdate(deepNesting(MAX_TYPE_DEPTH + 1, how))).toBe('types nested too deep')
    expect(scanUpdate(deepNesting(5000, how))).toBe('types nested too deep')
  })

  it.each(['any', 'json'] as const)('refuses a value nested too deep, as %s', (as) => {
    expect(scanUpdate(deepValue(MAX_VALUE_DEPTH, as))).toBeNull()
    expect(scanUpdate(deepValue(MAX_VALUE_DEPTH + 1, as))).toBe('value nested too deep')
  })

  it('refuses a JSON text that would leave the document unable to be encoded', () => {
    // Accepted before: Yjs parses it, but re-encoding the document (a device's sync, the log's
    // compaction) overflowed the stack, so every device joining the meeting was refused.
    const update = deepValue(100_000, 'json')
    expect(checkUpdate(new Y.Doc(), update)).toEqual({
      ok: false,
      malformed: 'value nested too deep',
    })
  })

  it('refuses what Yjs could not decode, whatever byte it stops at', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'bonjour 😀')
    doc.getMap('m').set('k', { a: [1, 2.5, 'x', true, null] })
    const update = Y.encodeStateAsUpdate(doc)
    for (let end = 0; end < update.length; end++) {
      const cut = update.subarray(0, end)
      expect(() => Y.decodeUpdate(cut), `cut at ${end}`).toThrow()
      expect(scanUpdate(cut), `cut at ${end}`).toBe('undecodable')
    }
  })
})

describe('checkUpdate on structurally excessive updates', () => {
  it('refuses them before Yjs decodes them', () => {
    const hostile = [
      ...NESTINGS.map((how) => deepNesting(5000, how)),
      deepValue(1000, 'any'),
      deepValue(1000, 'json'),
    ]
    for (const update of hostile)
      expect(checkUpdate(new Y.Doc(), update)).toMatchObject({ ok: false })
    expect(decodings).not.toHaveBeenCalled()
  })

  it('costs a relay room no decoding: the writer is refused with 4400', async () => {
    const room = new Room({
      id: capabilityFromKey(newWriteKey(), 'write').roomId,
      logFile: join(await tempDir(teardown), 'room.log'),
      after: Promise.resolve(),
      compaction: { maxRecords: 1000, maxAppendedBytes: 1 << 20 },
      limits: {
        maxDocumentBytes: 1 << 20,
        maxMessageBytes: 1 << 20,
        messagesPerSecond: 1000,
        bytesPerSecond: 1 << 20,
        maxPresenceBytes: 1024,
        maxPresencesPerConnection: 8,
        maxBufferedBytes: 1 << 20,
      },
      logger: recordingLogger(),
      metrics: new Metrics(),
      onEmpty: () => {},
    })
    teardown.add(() => room.close())
    await room.ready
    const attacker = new FakeSocket()
    room.attach(attacker.asWebSocket, 'write')
    attacker.receive(syncUpdateFrame(deepNesting(5000)))
    await waitFor(() => attacker.closedWith !== null, 'the attacker to be refused')
    expect(attacker.closedWith).toBe(4400)
    expect(decodings).not.toHaveBeenCalled()
  })
})
