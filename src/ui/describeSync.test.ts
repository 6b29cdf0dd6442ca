import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../sync/meetingSession'
import { describeSync } from './describeSync'
import { frenchSpacing } from '../text/strings'

const now = Date.parse('2026-11-30T21:12:00Z')
const status = (overrides: Partial<SyncStatus>): SyncStatus => ({
  loaded: true,
  unsavedChanges: 0,
  savedLocally: true,
  storageProblem: null,
  connection: 'synced',
  lastSyncedAt: now,
  pendingChanges: false,
  refusal: null,
  ...overrides,
})

describe('describeSync', () => {
  it('says "Synchronisé" in one short line when all is well, and details on demand', () => {
    expect(describeSync(status({}), true, now)).toEqual({
      summary: 'Synchronisé',
      details: [
        'Enregistré sur cet appareil',
        'Reçu par le relais de la salle',
        'Dernière synchronisation à l’instant',
      ],
    })
  })

  it('keeps saving out of the short line: typing does not make it flicker', () => {
    expect(
      describeSync(status({ savedLocally: false, unsavedChanges: 1 }), false, now).summary,
    ).toBe('Synchronisé')
  })

  it('offline with changes to send: plain words, one line, nothing about "synchro"', () => {
    const { summary, details } = describeSync(
      status({ connection: 'offline', pendingChanges: true, lastSyncedAt: now - 120_000 }),
      true,
      now,
    )
    expect(summary).toBe(
      'Pas de réseau — tout est gardé sur cet appareil, l’envoi se fera tout seul',
    )
    expect(details).toContain('Dernière synchronisation il y a 2 min')
  })

  it('never synced: says so once, not "dernière synchro jamais synchronisé"', () => {
    const { details } = describeSync(
      status({ connection: 'offline', lastSyncedAt: null }),
      true,
      now,
    )
    expect(details.at(-1)).toBe(
      frenchSpacing('Jamais synchronisé : le travail n’existe que sur cet appareil pour l’instant'),
    )
    expect(details.join(' ')).not.toMatch(/dernière synchro/i)
  })

  it('a storage problem is the short line: it is what the person must act on', () => {
    const { summary } = describeSync(
      status({ savedLocally: false, unsavedChanges: 2, storageProblem: 'quota' }),
      false,
      now,
    )
    expect(summary).toBe('2 modifications pas encore enregistrées sur cet appareil')
  })

  it('a refused meeting stops the synchronisation and says why in the details', () => {
    const { summary, details } = describeSync(
      status({ connection: 'refused', refusal: 'tooLarge' }),
      true,
      now,
    )
    expect(summary).toBe('Synchronisation arrêtée')
    expect(details[1]).toMatch(/trop volumineuse/)
  })

  it('a change too large for one message (1009, retried) says so, never "Pas de réseau"', () => {
    const { summary, details } = describeSync(
      status({ connection: 'offline', refusal: 'tooLarge', pendingChanges: true }),
      true,
      now,
    )
    expect(summary).toBe('Synchronisation arrêtée')
    expect(details[1]).toMatch(/trop volumineuse/)
  })
})
