import { describe, expect, it } from 'vitest'
import { describeImport, summarise } from './describeImport'
import { frenchSpacing } from '../../ui/strings'

describe('describing an import', () => {
  it('names each thing once and agrees in number', () => {
    expect(
      summarise([
        { kind: 'atelierAdded', entity: 'atelier', count: 1 },
        { kind: 'proposalAdded', entity: 'proposal', count: 3 },
        { kind: 'proposalModified', entity: 'proposal', count: 1 },
      ]),
    ).toBe('1 atelier ajouté, 3 propositions ajoutées, 1 modifiée')
    expect(summarise([{ kind: 'proposalModified', entity: 'proposal', count: 2 }])).toBe(
      '2 propositions modifiées',
    )
  })

  it('says where the file came from', () => {
    expect(
      describeImport('f.tandem', {
        ok: true,
        changed: true,
        report: [{ kind: 'proposalAdded', entity: 'proposal', count: 1 }],
        atelier: { id: 'x', name: 'Santé' },
      }),
    ).toEqual({ ok: true, message: frenchSpacing('Fichier de « Santé » : 1 proposition ajoutée.') })
  })

  it('tells a file already imported from one that changed what is not counted', () => {
    const base = { ok: true, report: [], atelier: null } as const
    expect(describeImport('f.tandem', { ...base, changed: false }).message).toBe(
      frenchSpacing(
        'Rien de nouveau : ce fichier était déjà importé (ou déjà reçu par le réseau).',
      ),
    )
    expect(describeImport('f.tandem', { ...base, changed: true }).message).toBe(
      frenchSpacing('Fichier importé : aucune proposition nouvelle ou modifiée.'),
    )
  })

  it('explains a refusal without technical words and says nothing changed', () => {
    const { ok, message } = describeImport('notes.txt', { ok: false, reason: 'notHandover' })
    expect(ok).toBe(false)
    expect(message).toBe(
      frenchSpacing(
        '« notes.txt » n’a pas été importé. Ce fichier n’est pas un partage de Tandem. Choisissez le fichier qui se termine par « .tandem ». La rencontre n’a pas été modifiée.',
      ),
    )
  })
})
