import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../handover/importHandover'
import type { CountedChange } from '../../handover/mergeReport'
import { describeConfirmation, describeImport, summarise } from './describeImport'
import { frenchSpacing } from '../../text/strings'

const change = (kind: CountedChange['kind'], entity: CountedChange['entity'], count: number) => ({
  kind,
  entity,
  count,
  destructive: kind.endsWith('Binned') || kind.endsWith('Deleted') || kind.endsWith('Removed'),
})

const preview = (
  fields: Partial<Extract<ImportPreview, { ok: true }>>,
): Extract<ImportPreview, { ok: true }> => ({
  ok: true,
  changed: true,
  report: [],
  atelier: null,
  touched: [],
  update: new Uint8Array(),
  ...fields,
})

describe('describing an import', () => {
  it('names each thing once and agrees in number', () => {
    expect(
      summarise([
        change('atelierAdded', 'atelier', 1),
        change('proposalAdded', 'proposal', 3),
        change('proposalModified', 'proposal', 1),
        change('proposalBinned', 'proposal', 2),
      ]),
    ).toBe('1 atelier ajouté, 3 propositions ajoutées, 1 modifiée, 2 mises à la corbeille')
    expect(summarise([change('proposalModified', 'proposal', 2)])).toBe('2 propositions modifiées')
  })

  it('asks before merging, saying where the file came from and what it touches', () => {
    const file = preview({
      report: [change('proposalAdded', 'proposal', 1)],
      atelier: { id: 'x', name: 'Santé' },
      touched: ['Santé'],
    })
    expect(describeImport('f.tandem', file)).toBeNull()
    expect(describeConfirmation(file)).toEqual({
      message: frenchSpacing('Fichier de « Santé » : 1 proposition ajoutée.'),
      touches: frenchSpacing('Son contenu concerne : « Santé ».'),
      warnings: [],
    })
  })

  it('warns before a file that erases work or touches other ateliers than it claims', () => {
    const { warnings } = describeConfirmation(
      preview({
        report: [change('proposalDeleted', 'proposal', 4)],
        atelier: { id: 'x', name: 'Santé' },
        touched: ['Santé', 'Logement'],
      }),
    )
    expect(warnings).toEqual([
      expect.stringContaining('efface'),
      frenchSpacing(
        'Attention : ce fichier dit venir de « Santé », mais il modifie aussi « Logement ».',
      ),
    ])
  })

  it('tells a file already imported without asking anything', () => {
    expect(describeImport('f.tandem', preview({ changed: false }))?.message).toBe(
      frenchSpacing(
        'Rien de nouveau : ce fichier était déjà importé (ou déjà reçu par le réseau).',
      ),
    )
    expect(describeConfirmation(preview({})).message).toBe(
      frenchSpacing('Fichier importé : aucune proposition nouvelle ou modifiée.'),
    )
  })

  it('explains a refusal without technical words and says nothing changed', () => {
    const outcome = describeImport('notes.txt', { ok: false, reason: 'notHandover' })
    expect(outcome).toEqual({
      ok: false,
      message: frenchSpacing(
        '« notes.txt » n’a pas été importé. Ce fichier n’est pas un partage de Tandem. Choisissez le fichier qui se termine par « .tandem ». La rencontre n’a pas été modifiée.',
      ),
    })
  })
})
