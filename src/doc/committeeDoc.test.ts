import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { capabilityFromKey, newWriteKey } from '../links/capability'
import { sealingKeyOf } from '../links/sealedKey'
import {
  COMMITTEE_SCHEMA_VERSION,
  createCommittee,
  migrateCommittee,
  readCommittee,
  registerMeeting,
} from './committeeDoc'
import { committeeInfoOf } from './committeeLayout'

function committee() {
  const doc = new Y.Doc()
  createCommittee(doc, 'Comité de Reims')
  return { doc, sealing: sealingKeyOf(newWriteKey()) }
}

function newMeeting(title: string) {
  const writeKey = newWriteKey()
  const id = capabilityFromKey(writeKey, 'write').roomId
  return { id, title, date: '2026-12-03', writeKey, createdAt: 1 }
}

/** Every byte the document would hand to the relay. */
const stored = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1')

describe('meetings of the committee', () => {
  it('are stored with their keys sealed, and read back opened', () => {
    const { doc, sealing } = committee()
    const meeting = newMeeting('Accès aux droits')
    registerMeeting(doc, meeting, sealing)
    expect(stored(doc)).not.toContain(meeting.writeKey)
    expect(readCommittee(doc, sealing).meetings).toEqual([meeting])
  })

  it('open under their own committee only', () => {
    const { doc, sealing } = committee()
    registerMeeting(doc, newMeeting('Accès aux droits'), sealing)
    expect(readCommittee(doc, sealingKeyOf(newWriteKey())).meetings).toEqual([])
  })

  it('written in clear by an older version are still read, then sealed and gone from the document', () => {
    const { doc, sealing } = committee()
    const old = newMeeting('Rencontre de 2025')
    const { id, ...fields } = old
    doc.transact(() => doc.getMap('meetings').set(id, new Y.Map(Object.entries(fields))))
    expect(readCommittee(doc, sealing).meetings).toEqual([old])

    migrateCommittee(doc, sealing)
    expect(stored(doc)).not.toContain(old.writeKey)
    expect(readCommittee(doc, sealing).meetings).toEqual([old])
    // Another device, which had the clear version, receives the migration and converges.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(readCommittee(other, sealing).meetings).toEqual([old])
  })

  it('are migrated once: nothing is written when no key is in clear', () => {
    const { doc, sealing } = committee()
    registerMeeting(doc, newMeeting('Accès aux droits'), sealing)
    let writes = 0
    doc.on('update', () => (writes += 1))
    migrateCommittee(doc, sealing)
    expect(writes).toBe(0)
  })
})

describe('migrations of the committee', () => {
  const stepsSeen = (doc: Y.Doc, version: number, target: number) => {
    const seen: number[] = []
    committeeInfoOf(doc).set('schemaVersion', version)
    const step = (from: number) => () => seen.push(from)
    migrateCommittee(
      doc,
      sealingKeyOf(newWriteKey()),
      { 1: step(1), 2: step(2), 3: step(3) },
      target,
    )
    return seen
  }

  it('run each step from the committee’s version to the current one, in order, once', () => {
    const { doc } = committee()
    expect(stepsSeen(doc, 1, 4)).toEqual([1, 2, 3])
    expect(committeeInfoOf(doc).get('schemaVersion')).toBe(4)
    expect(stepsSeen(doc, 2, 4)).toEqual([2, 3])
  })

  it('leave a committee of this version or a newer one as it is', () => {
    const { doc } = committee()
    expect(stepsSeen(doc, 4, 4)).toEqual([])
    expect(stepsSeen(doc, 5, 4)).toEqual([])
    expect(committeeInfoOf(doc).get('schemaVersion')).toBe(5)
  })

  it('write nothing on a committee created by this version', () => {
    const { doc, sealing } = committee()
    let writes = 0
    doc.on('update', () => (writes += 1))
    migrateCommittee(doc, sealing)
    expect(writes).toBe(0)
    expect(committeeInfoOf(doc).get('schemaVersion')).toBe(COMMITTEE_SCHEMA_VERSION)
  })
})
