import { describe, expect, it } from 'vitest'
import {
  duplicateClusters,
  matchesQuery,
  normalise,
  significantWords,
  similarity,
} from './ideaSimilarity'

const entry = (id: string, text: string) => ({ id, text })

describe('normalised text', () => {
  it('drops case, accents, punctuation and grammar words, and cuts plurals', () => {
    expect(normalise('  L’Accès aux DROITS, œuvres !')).toBe('l acces aux droits oeuvres')
    expect(significantWords('Des prêts facilités pour les usagers')).toEqual([
      'pret',
      'facilite',
      'usager',
    ])
  })

  it('scores the same idea said twice near 1 and different ideas near 0', () => {
    expect(similarity('Un journal des usagers', 'Journal pour les usagers !')).toBe(1)
    expect(similarity('Aide aux devoirs pour les enfants', 'Aide aux devoirs')).toBeCloseTo(0.8)
    expect(similarity('Plus de bancs au parc', 'Plus de bus le dimanche')).toBe(0)
    expect(similarity('', 'quoi')).toBe(0)
  })
})

describe('duplicate detection', () => {
  it('finds possible duplicates, in list order', () => {
    const entries = [
      entry('a', 'Créer un journal des usagers du CCAS'),
      entry('b', 'Des bancs dans le parc'),
      entry('c', 'Un journal des usagers'),
      entry('d', 'Le journal des usagers du CCAS, en ligne'),
      entry('e', 'Accès aux vacances pour les familles'),
      entry('f', 'Des bancs au parc'),
      entry('g', 'Des vacances pour tous'),
    ]
    const clusters = duplicateClusters(entries).map((cluster) => cluster.map((e) => e.id))
    expect(clusters).toEqual([
      ['a', 'c', 'd'],
      ['b', 'f'],
    ])
  })

  it('builds each group around one idea, without chains of resemblance', () => {
    const entries = [
      entry('a', 'Journal des usagers du CCAS'),
      entry('b', 'Journal des usagers'),
      entry('c', 'Les usagers'),
    ]
    // a ~ b (0.8), b ~ c (0.67), but a and c have little in common (0.5).
    expect(duplicateClusters(entries).map((cluster) => cluster.map((e) => e.id))).toEqual([
      ['a', 'b'],
    ])
  })

  it('does not propose ideas already grouped together, but proposes a newcomer', () => {
    const entries = [
      entry('a', 'Un journal des usagers'),
      entry('b', 'Journal des usagers'),
      entry('c', 'Des bancs dans le parc'),
    ]
    const together = (x: { id: string }, y: { id: string }) =>
      [x.id, y.id].every((id) => id === 'a' || id === 'b')
    expect(duplicateClusters(entries, 0.6, together)).toEqual([])
    const more = [...entries, entry('d', 'journal usagers')]
    expect(duplicateClusters(more, 0.6, together).map((c) => c.map((e) => e.id))).toEqual([
      ['a', 'b', 'd'],
    ])
  })

  // How long this takes is measured by `npm run bench` (bench/ideaBank.ts), not here.
  it('compares 1,000 ideas, putting each in one cluster at most', () => {
    const words =
      'logement emploi transport vacances journal santé écoute quartier jeunes parole'.split(' ')
    const entries = Array.from({ length: 1000 }, (_, i) =>
      entry(
        `i${i}`,
        `Idée ${i % 97} sur ${words[i % 10]} et ${words[(i * 7) % 10]} pour ${words[(i * 3) % 10]}`,
      ),
    )
    const clusters = duplicateClusters(entries)
    expect(clusters.length).toBeGreaterThan(0)
    const clustered = clusters.flat().map((e) => e.id)
    expect(new Set(clustered).size).toBe(clustered.length)
    for (const cluster of clusters) expect(cluster.length).toBeGreaterThan(1)
  })
})

describe('search', () => {
  it('finds every word typed, ignoring accents and case, by the start of words', () => {
    const key = normalise('Améliorer l’accès au logement des familles')
    expect(matchesQuery(key, 'LOG')).toBe(true)
    expect(matchesQuery(key, 'acces familles')).toBe(true)
    expect(matchesQuery(key, 'acces emploi')).toBe(false)
    expect(matchesQuery(key, '  ')).toBe(true)
  })
})
