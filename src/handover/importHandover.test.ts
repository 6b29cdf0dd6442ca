import { gzipSync } from 'node:zlib'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ateliersOf, metaOf, notesOf, proposalsOf } from '../doc/layout'
import { createMeeting, readMeeting } from '../doc/meetingDoc'
import { origins } from '../doc/origins'
import { addProposal, editProposal } from '../doc/proposals'
import { capabilityFromKey, newWriteKey, type RoomId } from '../links/capability'
import {
  assembleHandover,
  encodeHandover,
  HANDOVER_LIMITS,
  type HandoverRefusal,
} from './handoverFile'
import { importHandover, previewHandover } from './importHandover'

const roomOf = () => capabilityFromKey(newWriteKey(), 'write').roomId

/** A coordinator's document and an atelier tablet's replica of it, with the atelier's id. */
function meetingWithTablet() {
  const coordinator = new Y.Doc()
  const [sante] = createMeeting(coordinator, {
    title: 'Accès aux droits',
    date: '2026-12-03',
    atelierNames: ['Santé', 'Logement'],
  })
  const tablet = new Y.Doc()
  Y.applyUpdate(tablet, Y.encodeStateAsUpdate(coordinator))
  return { coordinator, tablet, atelierId: sante!, roomId: roomOf() }
}

function fileOf(doc: Y.Doc, roomId: RoomId, atelierId: string | null = null): Promise<Blob> {
  return encodeHandover(Y.encodeStateAsUpdate(doc), { roomId, atelierId, createdAt: 1 }).then(
    (bytes) => new Blob([bytes]),
  )
}

/** A file with a correct checksum around any payload, as another program might write it. */
function craft(roomId: RoomId, payload: Uint8Array, header: object = {}): Blob {
  return new Blob([
    assembleHandover(
      {
        format: 'tandem-handover',
        version: 1,
        roomId,
        atelierId: null,
        createdAt: 1,
        payloadLength: payload.length,
        payloadSha256: bytesToHex(sha256(payload)),
        ...header,
      },
      payload,
    ),
  ])
}

describe('importing a hand-over file', () => {
  it('merges an atelier’s proposals and says what it brought', async () => {
    const { coordinator, tablet, atelierId, roomId } = meetingWithTablet()
    for (const text of ['Une', 'Deux', 'Trois'])
      addProposal(tablet, { atelierId, text, authorRole: 'reporter' })
    const result = await importHandover(
      coordinator,
      roomId,
      await fileOf(tablet, roomId, atelierId),
    )
    expect(result).toMatchObject({
      ok: true,
      report: [{ kind: 'proposalAdded', entity: 'proposal', count: 3, destructive: false }],
      changed: true,
      atelier: { id: atelierId, name: 'Santé' },
      touched: ['Santé'],
    })
    expect(readMeeting(coordinator)).toEqual(readMeeting(tablet))
  })

  it('counts a proposal edited on the tablet as modified', async () => {
    const { coordinator, tablet, atelierId, roomId } = meetingWithTablet()
    const id = addProposal(coordinator, { atelierId, text: 'Avant', authorRole: 'reporter' })
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(coordinator))
    editProposal(tablet, id, 'Après')
    addProposal(tablet, { atelierId, text: 'Nouvelle', authorRole: 'reporter' })
    const result = await importHandover(coordinator, roomId, await fileOf(tablet, roomId))
    expect(result.ok && result.report).toEqual([
      { kind: 'proposalAdded', entity: 'proposal', count: 1, destructive: false },
      { kind: 'proposalModified', entity: 'proposal', count: 1, destructive: false },
    ])
  })

  it('changes nothing the second time the same file is imported', async () => {
    const { coordinator, tablet, atelierId, roomId } = meetingWithTablet()
    addProposal(tablet, { atelierId, text: 'Une', authorRole: 'reporter' })
    const file = await fileOf(tablet, roomId)
    await importHandover(coordinator, roomId, file)
    const vector = Y.encodeStateVector(coordinator)
    const snapshot = readMeeting(coordinator)
    const again = await importHandover(coordinator, roomId, file)
    expect(again).toMatchObject({ ok: true, report: [], changed: false, atelier: null })
    expect(Y.encodeStateVector(coordinator)).toEqual(vector)
    expect(readMeeting(coordinator)).toEqual(snapshot)
  })

  it('tags the merge with the import origin, in one transaction', async () => {
    const { coordinator, tablet, atelierId, roomId } = meetingWithTablet()
    addProposal(tablet, { atelierId, text: 'Une', authorRole: 'reporter' })
    addProposal(tablet, { atelierId, text: 'Deux', authorRole: 'reporter' })
    const seen: unknown[] = []
    coordinator.on('afterTransaction', (transaction) => seen.push(transaction.origin))
    await importHandover(coordinator, roomId, await fileOf(tablet, roomId))
    expect(seen).toEqual([origins.import])
  })

  const bad: Array<
    [string, HandoverRefusal, (roomId: RoomId, good: Blob) => Promise<Blob> | Blob]
  > = [
    ['an empty file', 'empty', () => new Blob([])],
    [
      'an oversized file',
      'tooLarge',
      () => new Blob([new Uint8Array(HANDOVER_LIMITS.fileBytes + 1)]),
    ],
    ['a truncated file', 'truncated', async (_, good) => good.slice(0, good.size - 10)],
    [
      'a file with a damaged payload',
      'corrupt',
      async (_, good) => {
        const bytes = new Uint8Array(await good.arrayBuffer())
        bytes[bytes.length - 20]! ^= 0x55
        return new Blob([bytes])
      },
    ],
    ['a photo', 'notHandover', () => new Blob([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 13, 10)])],
    ['a text file', 'notHandover', () => new Blob(['Propositions de l’atelier Santé\n'])],
    [
      'a file of another format in the same container',
      'notHandover',
      (roomId) => craft(roomId, gzipSync(Uint8Array.of(0)), { format: 'tandem-backup' }),
    ],
    [
      'a file from a newer container layout',
      'unsupportedVersion',
      async (_, good) => new Blob(['TANDEM2\n', (await good.arrayBuffer()).slice(8)]),
    ],
    [
      'a file of a newer format version',
      'unsupportedVersion',
      (roomId) => craft(roomId, gzipSync(Uint8Array.of(0)), { version: 2 }),
    ],
    ['a file of another meeting', 'otherMeeting', async () => fileOf(new Y.Doc(), roomOf())],
    [
      'a payload that is not gzip',
      'notCompressed',
      (roomId) => {
        const doc = new Y.Doc()
        createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
        return craft(roomId, Y.encodeStateAsUpdate(doc))
      },
    ],
    [
      'a gzip payload that is not a Yjs update',
      'undecodable',
      (roomId) => craft(roomId, gzipSync(new TextEncoder().encode('{"proposals":[]}'))),
    ],
    [
      'a Yjs update that holds no meeting',
      'undecodable',
      (roomId) => {
        const doc = new Y.Doc()
        doc.getMap('proposals').set('x', 'y')
        return craft(roomId, gzipSync(Y.encodeStateAsUpdate(doc)))
      },
    ],
    [
      'a small file that inflates beyond the limit',
      'tooLarge',
      (roomId) => craft(roomId, gzipSync(new Uint8Array(HANDOVER_LIMITS.updateBytes + 1))),
    ],
  ]

  it.each(bad)('refuses %s and leaves the meeting exactly as it was', async (_, reason, make) => {
    const { coordinator, tablet, atelierId, roomId } = meetingWithTablet()
    addProposal(coordinator, { atelierId, text: 'Déjà là', authorRole: 'reporter' })
    addProposal(tablet, { atelierId, text: 'Pas encore arrivée', authorRole: 'reporter' })
    const file = await make(roomId, await fileOf(tablet, roomId, atelierId))
    const vector = Y.encodeStateVector(coordinator)
    const snapshot = readMeeting(coordinator)
    let updates = 0
    coordinator.on('update', () => (updates += 1))
    expect(await importHandover(coordinator, roomId, file)).toEqual({ ok: false, reason })
    expect(Y.encodeStateVector(coordinator)).toEqual(vector)
    expect(readMeeting(coordinator)).toEqual(snapshot)
    expect(updates).toBe(0)
  })
})

describe('a hostile hand-over file', () => {
  it('shows that it would delete every atelier, proposal and note, and changes nothing before yes', async () => {
    const { coordinator, tablet, atelierId, roomId } = meetingWithTablet()
    addProposal(coordinator, { atelierId, text: 'Déjà là', authorRole: 'reporter' })
    const step = readMeeting(coordinator).script[0]!
    notesOf(coordinator).get(`${atelierId}|${step.id}|${step.questions[0]!.id}`)!.insert(0, 'Note')
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(coordinator))
    tablet.transact(() => {
      for (const root of [ateliersOf(tablet), proposalsOf(tablet), notesOf(tablet)])
        for (const key of Array.from(root.keys())) root.delete(key)
      metaOf(tablet).set('title', 'Rencontre annulée')
    })
    const vector = Y.encodeStateVector(coordinator)
    const preview = await previewHandover(coordinator, roomId, await fileOf(tablet, roomId))
    expect(preview.ok && preview.report.map((change) => [change.kind, change.count])).toEqual([
      ['titleChanged', 1],
      ['atelierRemoved', 2],
      ['proposalDeleted', 1],
      ['noteDeleted', 1],
    ])
    expect(preview.ok && preview.report.every((change) => change.destructive)).toBe(true)
    expect(Y.encodeStateVector(coordinator)).toEqual(vector)
    expect(readMeeting(coordinator).ateliers).toHaveLength(2)
  })

  it('names the ateliers its content touches, whatever its header says', async () => {
    const { coordinator, tablet, atelierId, roomId } = meetingWithTablet()
    const logement = readMeeting(tablet).ateliers[1]!.id
    addProposal(tablet, { atelierId: logement, text: 'Écrit ailleurs', authorRole: 'reporter' })
    const preview = await previewHandover(
      coordinator,
      roomId,
      await fileOf(tablet, roomId, atelierId),
    )
    expect(preview).toMatchObject({
      ok: true,
      atelier: { name: 'Santé' },
      touched: ['Logement'],
    })
  })

  it('is refused when its changes are more than the relay accepts in one message', async () => {
    const { coordinator, tablet, atelierId, roomId } = meetingWithTablet()
    const step = readMeeting(tablet).script[0]!
    // Raw writes pass the 20,000-character cap of a note; this one compresses to a small file.
    notesOf(tablet)
      .get(`${atelierId}|${step.id}|${step.questions[0]!.id}`)!
      .insert(0, 'x'.repeat(9 * 1024 * 1024))
    const vector = Y.encodeStateVector(coordinator)
    expect(await previewHandover(coordinator, roomId, await fileOf(tablet, roomId))).toEqual({
      ok: false,
      reason: 'tooLargeForRelay',
    })
    expect(Y.encodeStateVector(coordinator)).toEqual(vector)
  })
})
