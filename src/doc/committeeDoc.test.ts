import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { capabilityFromKey, newWriteKey } from '../links/capability'
import { sealingKeyOf } from '../links/sealedKey'
import { createCommittee, readCommittee, registerMeeting, sealPlainKeys } from './committeeDoc'

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

    sealPlainKeys(doc, sealing)
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
    sealPlainKeys(doc, sealing)
    expect(writes).toBe(0)
  })
})
