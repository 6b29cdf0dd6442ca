// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { cleanup, mount } from '../../../tests/helpers/render'
import { devicesOf, mapOf } from '../../doc/layout'
import { createMeeting, readMeeting } from '../../doc/meetingDoc'
import { TIME_MAX } from '../../doc/untrusted'
import { t } from '../../text/strings'
import { AteliersReadiness } from './AteliersReadiness'

afterEach(cleanup)

describe('the ateliers’ readiness', () => {
  it('counts only the presence entries it can read, whatever a write link put there', () => {
    const writer = new Y.Doc()
    const [a, b] = createMeeting(writer, {
      title: 'Soirée',
      date: '2026-12-03',
      atelierNames: ['Logement', 'Santé'],
    })
    const atB = { kind: 'atelier', atelierId: b!, lastSyncedAt: 5 }
    writer.transact(() => {
      const devices = devicesOf(writer)
      // A tablet whose clock reads 1970: it has joined all the same.
      devices.set('tabletA', { kind: 'atelier', atelierId: a!, lastSyncedAt: 0 })
      devices.set('proto', JSON.parse(`{"__proto__":${JSON.stringify(atB)}}`))
      devices.set('__proto__', atB)
      devices.set('bigint', { ...atB, lastSyncedAt: 5n })
      devices.set('late', { ...atB, lastSyncedAt: TIME_MAX + 1 })
      devices.set('bytes', new Uint8Array(8))
      devices.set('shared', mapOf({ ...atB, lastSyncedAt: new Y.Map() }))
    })
    // As another device receives it: lib0 decodes the "__proto__" key into a prototype.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer))
    const { container } = mount(<AteliersReadiness meeting={readMeeting(doc)} />)
    const rows = Array.from(container.querySelectorAll('[data-testid="atelier-readiness"]'))
    expect(rows.map((row) => row.className)).toEqual(['check check--ok', 'check check--missing'])
    expect(rows[0]!.textContent).toContain('1 appareil connecté')
    expect(rows[1]!.textContent).toContain(t.readiness.noDevice)
  })
})
