import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createMeeting } from '../doc/meetingDoc'
import { capabilityFromKey, newWriteKey } from '../links/capability'
import { exportHandover, handoverFileName } from './exportHandover'
import { decodeHandover } from './handoverFile'

const at = new Date(2026, 11, 3, 20, 5)

describe('exporting a hand-over file', () => {
  it('names the file after the atelier and the local time, in plain ASCII', () => {
    expect(handoverFileName('Santé', at)).toBe('tandem-sante-20h05.tandem')
    expect(handoverFileName('L’accès aux droits / Logement', at)).toBe(
      'tandem-l-acces-aux-droits-logement-20h05.tandem',
    )
    expect(handoverFileName('🙂', at)).toBe('tandem-rencontre-20h05.tandem')
    expect(handoverFileName('Atelier '.repeat(10), at)).toBe(
      'tandem-atelier-atelier-atelier-atelier-atelier-20h05.tandem',
    )
  })

  it('makes a file that holds the whole meeting', async () => {
    const doc = new Y.Doc()
    const [sante] = createMeeting(doc, {
      title: 'Soirée',
      date: '2026-12-03',
      atelierNames: ['Santé'],
    })
    const { roomId } = capabilityFromKey(newWriteKey(), 'write')
    const file = await exportHandover(
      doc,
      { roomId, atelierId: sante!, createdAt: at.getTime() },
      'Santé',
    )
    expect(file.name).toBe('tandem-sante-20h05.tandem')
    const decoded = await decodeHandover(file, roomId)
    expect(decoded.ok && decoded.update).toEqual(Y.encodeStateAsUpdate(doc))
  })
})
