import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hasChangesBeyond, relayHoldsNow } from './relayHolds'

function synced() {
  const doc = new Y.Doc()
  doc.getText('note').insert(0, 'Des bus le dimanche')
  doc.getMap('meta').set('title', 'Soirée')
  return { doc, held: relayHoldsNow(doc) }
}

describe('what the relay is known to hold', () => {
  it('has nothing beyond it right after a sync', () => {
    const { doc, held } = synced()
    expect(hasChangesBeyond(doc, held)).toBe(false)
  })

  it('sees an edit made since', () => {
    const { doc, held } = synced()
    doc.getMap('meta').set('theme', 'Mobilité')
    expect(hasChangesBeyond(doc, held)).toBe(true)
  })

  it('sees an edit that only deletes (no state vector moves)', () => {
    const { doc, held } = synced()
    doc.getText('note').delete(0, 4)
    expect(hasChangesBeyond(doc, held)).toBe(true)
    doc.getMap('meta').delete('title')
    expect(hasChangesBeyond(doc, relayHoldsNow(doc))).toBe(false)
  })

  it('does not count what came from the relay, read back from the device', () => {
    const { doc, held } = synced()
    const restarted = new Y.Doc()
    Y.applyUpdate(restarted, Y.encodeStateAsUpdate(doc))
    expect(hasChangesBeyond(restarted, held)).toBe(false)
  })

  it('counts any content as waiting when nothing is known, or what is kept is unreadable', () => {
    const { doc } = synced()
    expect(hasChangesBeyond(doc, undefined)).toBe(true)
    expect(hasChangesBeyond(doc, new Uint8Array([255, 255, 255]))).toBe(true)
    expect(hasChangesBeyond(doc, 'relayHolds')).toBe(true)
    expect(hasChangesBeyond(new Y.Doc(), undefined)).toBe(false)
  })
})
