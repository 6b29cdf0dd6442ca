import { mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Teardown, recordingLogger, tempDir } from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'
import {
  RoomLog,
  decodeRecords,
  encodeRecord,
  openLogFile,
  type CompactionLimits,
  type OpenLogFile,
} from './roomLog'

const teardown = new Teardown()
afterEach(() => teardown.run())

const roomy: CompactionLimits = { maxRecords: 1000, maxAppendedBytes: 1 << 20 }

/** A document and the updates that built it, one per word. */
function typed(words: string[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (const word of words) doc.getText('t').insert(doc.getText('t').length, word)
  return { doc, updates }
}

/** Types `word` at the end of `doc` and returns the update, as a room does before logging it. */
function edit(doc: Y.Doc, word: string): Uint8Array {
  let update: Uint8Array | undefined
  const capture = (u: Uint8Array) => (update = u)
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, word)
  doc.off('update', capture)
  return update!
}

const hex = (updates: Uint8Array[]) => updates.map((u) => Buffer.from(u).toString('hex'))

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

async function logFile(): Promise<string> {
  return join(await tempDir(teardown, 'tandem-log-'), 'room.log')
}

function openLog(file: string, doc = new Y.Doc(), limits = roomy) {
  const logger = recordingLogger()
  const log = new RoomLog({
    file,
    snapshot: () => Y.encodeStateAsUpdate(doc),
    limits,
    logger,
    label: 'room',
    retryMs: 60_000,
  })
  return { log, logger }
}

describe('RoomLog', () => {
  it('starts empty when the file does not exist', async () => {
    expect(await openLog(await logFile()).log.load()).toEqual([])
  })

  it('reads back, in order, updates appended without waiting for each other', async () => {
    const file = await logFile()
    const { doc, updates } = typed(['un ', 'deux ', 'trois ', 'quatre'])
    const { log } = openLog(file, doc)
    await log.load()
    const writes = updates.map((update) => log.append(update))
    expect(new Set(writes).size).toBe(1) // one durable write for the burst
    await Promise.all(writes)
    await log.close()

    expect(hex(await openLog(file).log.load())).toEqual(hex(updates))
    expect(decodeRecords(await readFile(file)).updates).toHaveLength(4)
  })

  it('drops a torn record at the end, truncates the file there, and appends after it', async () => {
    const file = await logFile()
    const { updates } = typed(['un ', 'deux ', 'trois'])
    const [first, second, third] = updates.map(encodeRecord)
    await writeFile(file, Buffer.concat([first!, second!, third!.subarray(0, 10)]))

    const { log, logger } = openLog(file)
    expect(hex(await log.load())).toEqual(hex(updates.slice(0, 2)))
    expect((await readFile(file)).length).toBe(first!.length + second!.length)
    expect(logger.lines).toEqual([
      'level=warn event=log.unreadable_tail room=room reason=torn records_read=2 unreadable_bytes=10 set_aside=true',
    ])
    // The unreadable bytes are kept beside the log, for a human to look at.
    const aside = (await readdir(join(file, '..'))).filter((name) => name !== 'room.log')
    expect(aside).toHaveLength(1)
    expect(aside[0]).toMatch(/^room\.log\.unreadable-\d+$/)
    expect(await readFile(join(file, '..', aside[0]!))).toEqual(third!.subarray(0, 10))

    await log.append(updates[2]!)
    await log.close()
    expect(textOf(await openLog(file).log.load())).toBe('un deux trois')
  })

  it('stops at the first record whose checksum does not match', async () => {
    const file = await logFile()
    const records = typed(['un ', 'deux ', 'trois']).updates.map(encodeRecord)
    records[1]![records[1]!.length - 1]! ^= 0x01
    await writeFile(file, Buffer.concat(records))

    const { log } = openLog(file)
    expect(textOf(await log.load())).toBe('un ')
    expect((await readFile(file)).length).toBe(records[0]!.length)
  })

  it('stops at zeros, what a crash can leave at the end of a file', async () => {
    const file = await logFile()
    const [record] = typed(['un']).updates.map(encodeRecord)
    await writeFile(file, Buffer.concat([record!, Buffer.alloc(64)]))
    expect(textOf(await openLog(file).log.load())).toBe('un')
  })

  it('compacts into one record holding the whole document, which reloads intact', async () => {
    const file = await logFile()
    const { doc, updates } = typed(Array.from({ length: 20 }, (_, i) => `${i};`))
    const { log } = openLog(file, doc, { maxRecords: 5, maxAppendedBytes: 1 << 20 })
    await log.load()
    for (const update of updates) await log.append(update)
    await log.close()

    const records = decodeRecords(await readFile(file)).updates
    expect(records.length).toBeLessThanOrEqual(5)
    expect(textOf(records)).toBe(doc.getText('t').toString())
    expect(await readdir(join(file, '..'))).toEqual(['room.log']) // no temp file left
  })

  it('compacts when too many bytes were appended', async () => {
    const file = await logFile()
    const { doc, updates } = typed(['a'.repeat(400), 'b'.repeat(400), 'c'.repeat(400)])
    const { log } = openLog(file, doc, { maxRecords: 1000, maxAppendedBytes: 1000 })
    await log.load()
    for (const update of updates) await log.append(update)
    await log.close()

    const records = decodeRecords(await readFile(file)).updates
    expect(records).toHaveLength(1)
    expect(textOf(records)).toBe(doc.getText('t').toString())
  })

  it('keeps appending to a reloaded compacted log', async () => {
    const file = await logFile()
    const doc = new Y.Doc()
    const limits = { maxRecords: 2, maxAppendedBytes: 1 << 20 }
    const first = openLog(file, doc, limits).log
    await first.load()
    for (const word of ['un ', 'deux ', 'trois ']) await first.append(edit(doc, word))
    await first.close()
    expect(decodeRecords(await readFile(file)).updates).toHaveLength(1)

    const second = openLog(file, doc, limits).log
    expect(textOf(await second.load())).toBe('un deux trois ')
    await second.append(edit(doc, 'quatre'))
    await second.close()
    expect(textOf(await openLog(file).log.load())).toBe('un deux trois quatre')
  })

  it('rewrites the whole document at the next append after a failed write', async () => {
    const file = await logFile()
    const doc = new Y.Doc()
    const { log, logger } = openLog(file, doc)
    await log.load()
    await mkdir(file) // a directory where the log should be: the append fails
    await log.append(edit(doc, 'perdu? '))
    expect(logger.lines).toEqual(['level=error event=log.write_failed room=room error=EISDIR'])
    expect(log.pending).toBe(true)

    await rmdir(file)
    await log.append(edit(doc, 'non.'))
    expect(textOf(decodeRecords(await readFile(file)).updates)).toBe('perdu? non.')
    expect(log.pending).toBe(false)
    await log.close()
  })

  it('retries a failed write on its own, without waiting for another update', async () => {
    const file = await logFile()
    const doc = new Y.Doc()
    const log = new RoomLog({
      file,
      snapshot: () => Y.encodeStateAsUpdate(doc),
      limits: roomy,
      logger: recordingLogger(),
      label: 'room',
      retryMs: 20,
    })
    await log.load()
    await mkdir(file)
    await log.append(edit(doc, 'gardé'))
    expect(log.pending).toBe(true)
    await rmdir(file)
    await waitFor(() => !log.pending, 'the retry to rewrite the log')
    expect(textOf(decodeRecords(await readFile(file)).updates)).toBe('gardé')
    await log.close()
  })

  it('counts the bytes it stores, and reports them shrinking after compaction', async () => {
    const file = await logFile()
    const doc = new Y.Doc()
    const { log } = openLog(file, doc, { maxRecords: 3, maxAppendedBytes: 1 << 20 })
    await log.load()
    const text = doc.getText('t')
    let appended = 0
    for (let i = 0; i < 3; i++) {
      const update = edit(doc, 'x')
      appended += 8 + update.length
      await log.append(update)
    }
    expect(log.storedBytes).toBe(appended)
    expect((await readFile(file)).length).toBe(appended)
    text.delete(0, 3)
    await log.append(edit(doc, 'y')) // over 3 records: rewritten as one snapshot
    expect(log.storedBytes).toBe((await readFile(file)).length)
    expect(decodeRecords(await readFile(file)).updates).toHaveLength(1)
    await log.close()
  })

  it('retries a failed write when closing', async () => {
    const file = await logFile()
    const doc = new Y.Doc()
    const { log } = openLog(file, doc)
    await log.load()
    await mkdir(file)
    await log.append(edit(doc, 'perdu? '))
    await rmdir(file)
    await log.close()
    expect(textOf(await openLog(file).log.load())).toBe('perdu? ')
  })
})

/** The real log file, counting its writes and syncs; `failSyncs` syncs fail first (EIO). */
function countingDisk(failSyncs = 0) {
  const counts = { writes: 0, syncs: 0 }
  const open: OpenLogFile = async (file) => {
    const real = await openLogFile(file)
    return {
      append: (bytes) => ((counts.writes += 1), real.append(bytes)),
      sync: () => {
        counts.syncs += 1
        if (failSyncs-- > 0) return Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }))
        return real.sync()
      },
      close: () => real.close(),
    }
  }
  return { counts, open }
}

function openCountedLog(file: string, doc: Y.Doc, disk: OpenLogFile, syncDelayMs: number) {
  const logger = recordingLogger()
  const log = new RoomLog({
    file,
    snapshot: () => Y.encodeStateAsUpdate(doc),
    limits: roomy,
    logger,
    label: 'room',
    retryMs: 20,
    openFile: disk,
    syncDelayMs,
  })
  teardown.add(() => log.close())
  return { log, logger }
}

describe('RoomLog syncs', () => {
  it('writes each batch at once and syncs the writes of the delay together, in one fdatasync', async () => {
    const file = await logFile()
    const doc = new Y.Doc()
    const disk = countingDisk()
    const { log } = openCountedLog(file, doc, disk.open, 60_000)
    await log.load()
    for (const word of ['un ', 'deux ', 'trois']) await log.append(edit(doc, word))

    expect(disk.counts).toEqual({ writes: 3, syncs: 0 })
    // Written: a relay killed now loses nothing (the OS has the file's bytes)…
    expect(textOf(decodeRecords(await readFile(file)).updates)).toBe('un deux trois')
    // …but not on the disk itself yet, so the room must not be unloaded.
    expect(log.pending).toBe(true)
    await log.flush()
    expect(disk.counts).toEqual({ writes: 3, syncs: 1 })
    expect(log.pending).toBe(false)
  })

  it('syncs on its own once the delay has passed', async () => {
    const doc = new Y.Doc()
    const disk = countingDisk()
    const { log } = openCountedLog(await logFile(), doc, disk.open, 20)
    await log.load()
    await log.append(edit(doc, 'un '))
    await log.append(edit(doc, 'deux'))
    await waitFor(() => !log.pending, 'the grouped sync')
    expect(disk.counts).toEqual({ writes: 2, syncs: 1 })
  })

  it('rewrites the whole log after a failed sync, since the disk may have lost the writes', async () => {
    const file = await logFile()
    const doc = new Y.Doc()
    const disk = countingDisk(1)
    const { log, logger } = openCountedLog(file, doc, disk.open, 60_000)
    await log.load()
    await log.append(edit(doc, 'gardé'))
    await log.flush()
    expect(logger.lines).toEqual(['level=error event=log.write_failed room=room error=EIO'])
    expect(log.pending).toBe(true)
    await waitFor(() => !log.pending, 'the retry to rewrite the log')
    expect(textOf(decodeRecords(await readFile(file)).updates)).toBe('gardé')
  })
})

describe('RoomLog with compactOnClose', () => {
  it('leaves one snapshot record at close, without what the document deleted', async () => {
    const file = await logFile()
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const log = new RoomLog({
      file,
      snapshot: () => Y.encodeStateAsUpdate(doc),
      limits: roomy,
      logger: recordingLogger(),
      label: 'room',
      compactOnClose: true,
    })
    await log.load()
    doc.getMap('m').set('secret', 'plain-key-value')
    doc.getMap('m').delete('secret')
    doc.getText('t').insert(0, 'gardé')
    for (const update of updates) void log.append(update)
    await log.flush()
    expect(decodeRecords(await readFile(file)).updates).toHaveLength(3)
    await log.close()

    const records = decodeRecords(await readFile(file)).updates
    expect(records).toHaveLength(1)
    expect(textOf(records)).toBe('gardé')
    expect((await readFile(file)).toString('latin1')).not.toContain('plain-key-value')
  })
})
