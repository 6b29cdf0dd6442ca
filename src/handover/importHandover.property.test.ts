import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAtelier } from '../doc/ateliers'
import { createMeeting, readMeeting } from '../doc/meetingDoc'
import { addProposal, editProposal } from '../doc/proposals'
import { capabilityFromKey, newWriteKey } from '../links/capability'
import { exportHandover } from './exportHandover'
import { importHandover } from './importHandover'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'

/**
 * A hand-over file is a sync by other means: a coordinator and an atelier tablet diverge offline
 * (with, now and then, a partial sync while a path existed), then the tablet's file is imported.
 * The result must be the document a direct Yjs sync of the same replicas gives, the report must
 * count what the tablet alone had, and a second import must change nothing.
 * fast-check prints the seed of any failing run; replay it with `{ seed, path }`.
 */
const roomId = capabilityFromKey(newWriteKey(), 'write').roomId
const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0)
const replica = fc.constantFrom('coordinator' as const, 'tablet' as const)
const operation = fc.oneof(
  fc.record({ kind: fc.constant('proposal' as const), on: replica, atelier: fc.nat(4), text }),
  fc.record({ kind: fc.constant('edit' as const), on: replica, proposal: fc.nat(40), text }),
  fc.record({ kind: fc.constant('atelier' as const), on: replica, name: text }),
  fc.record({ kind: fc.constant('sync' as const) }),
)

function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

describe('hand-over convergence', () => {
  it(
    'merges a file exactly as a direct sync would, once',
    () =>
      checkProperty(
        fc.asyncProperty(fc.array(operation, { maxLength: 40 }), async (operations) => {
          const docs = { coordinator: new Y.Doc(), tablet: new Y.Doc() }
          createMeeting(docs.coordinator, {
            title: 'Soirée',
            date: '2026-12-03',
            atelierNames: ['A', 'B'],
          })
          Y.applyUpdate(docs.tablet, Y.encodeStateAsUpdate(docs.coordinator))
          // What the coordinator has not seen yet: created on the tablet since the last sync.
          let unseen = { proposals: 0, ateliers: 0 }
          for (const op of operations) {
            if (op.kind === 'sync') {
              // A path existed for a moment: both received each other's work.
              Y.applyUpdate(docs.coordinator, Y.encodeStateAsUpdate(docs.tablet))
              Y.applyUpdate(docs.tablet, Y.encodeStateAsUpdate(docs.coordinator))
              unseen = { proposals: 0, ateliers: 0 }
              continue
            }
            const doc = docs[op.on]
            const { ateliers, proposals } = readMeeting(doc)
            if (op.kind === 'atelier') addAtelier(doc, op.name)
            else if (op.kind === 'proposal')
              addProposal(doc, {
                atelierId: ateliers[op.atelier % ateliers.length]!.id,
                text: op.text,
                authorRole: 'reporter',
              })
            else if (proposals.length > 0)
              editProposal(doc, proposals[op.proposal % proposals.length]!.id, op.text)
            if (op.on === 'tablet' && op.kind === 'proposal') unseen.proposals += 1
            if (op.on === 'tablet' && op.kind === 'atelier') unseen.ateliers += 1
          }

          const viaNetwork = clone(docs.coordinator)
          Y.applyUpdate(
            viaNetwork,
            Y.encodeStateAsUpdate(docs.tablet, Y.encodeStateVector(viaNetwork)),
          )
          const viaFile = clone(docs.coordinator)
          const file = await exportHandover(
            docs.tablet,
            { roomId, atelierId: null, createdAt: 0 },
            'A',
          )
          const result = await importHandover(viaFile, roomId, file)

          expect(readMeeting(viaFile)).toEqual(readMeeting(viaNetwork))
          expect(Y.encodeStateVector(viaFile)).toEqual(Y.encodeStateVector(viaNetwork))
          if (!result.ok) throw new Error(`refused: ${result.reason}`)
          const count = (kind: string) => result.report.find((c) => c.kind === kind)?.count ?? 0
          expect(count('proposalAdded')).toBe(unseen.proposals)
          expect(count('atelierAdded')).toBe(unseen.ateliers)

          const vector = Y.encodeStateVector(viaFile)
          const again = await importHandover(viaFile, roomId, file)
          expect(again).toMatchObject({ ok: true, report: [], changed: false, atelier: null })
          expect(Y.encodeStateVector(viaFile)).toEqual(vector)
        }),
        150,
      ),
    PROPERTY_TEST_TIMEOUT,
  )
})
