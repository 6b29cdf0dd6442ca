import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  encodeAwareness,
  encodePresenceEntries,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  keepaliveMessage,
  parseMessage,
  presenceEntries,
} from './messages'

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return doc
}

describe('parseMessage', () => {
  it('reads back what the encoders write', () => {
    const doc = docWith('bonjour')
    const update = Y.encodeStateAsUpdate(doc)
    expect(parseMessage(encodeSyncStep1(doc))).toEqual({
      type: 'syncStep1',
      stateVector: Y.encodeStateVector(doc),
    })
    expect(parseMessage(encodeSyncStep2(doc, new Uint8Array([0])))).toEqual({
      type: 'syncStep2',
      update,
    })
    expect(parseMessage(encodeUpdate(update))).toEqual({ type: 'update', update })
    expect(parseMessage(Uint8Array.of(3))).toEqual({ type: 'queryAwareness' })
  })

  it('reads an awareness update', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ name: 'Awa' })
    const update = encodeAwarenessUpdate(awareness, [awareness.clientID])
    expect(parseMessage(encodeAwareness(update))).toEqual({ type: 'awareness', update })
    awareness.destroy()
  })

  it('reads the entries of an awareness update, and writes them back the same', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ name: 'Awa' })
    awareness.setLocalState(null)
    const update = encodeAwarenessUpdate(awareness, [awareness.clientID])
    const entries = presenceEntries(update)
    expect(entries).toEqual([{ client: awareness.clientID, clock: 2, json: 'null', removes: true }])
    expect(encodePresenceEntries(entries)).toEqual(update)
    awareness.destroy()
  })

  const update = Y.encodeStateAsUpdate(docWith('bonjour'))
  const badAwareness = Uint8Array.of(1, 7, 1, 3, ...new TextEncoder().encode('{x}'))
  it.each([
    ['an empty frame', []],
    ['an unknown message type', [9]],
    ['an unknown sync message type', [0, 7, 0]],
    ['a payload shorter than announced', [0, 2, 10, 1, 2]],
    ['trailing bytes', [3, 0]],
    ['a cut sync message', [0, 2, update.length, ...update.subarray(0, -1)]],
    ['an awareness state that is not JSON', [1, badAwareness.length, ...badAwareness]],
  ])('refuses %s', (_, bytes) => {
    expect(() => parseMessage(Uint8Array.from(bytes))).toThrow()
  })
})

describe('keepaliveMessage', () => {
  it('is an awareness update that changes nothing', () => {
    const message = parseMessage(keepaliveMessage)
    expect(message.type).toBe('awareness')
    const awareness = new Awareness(new Y.Doc())
    let events = 0
    awareness.on('update', () => events++)
    if (message.type === 'awareness') applyAwarenessUpdate(awareness, message.update, null)
    expect(events).toBe(0)
    awareness.destroy()
  })
})
