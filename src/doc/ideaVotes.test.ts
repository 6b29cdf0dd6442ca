import { describe, expect, it } from 'vitest'
import { rankIdeas, type IdeaVoteEntry } from './ideaVotes'
import type { VoteCollege } from './voteCounts'

const vote = (
  itemId: string,
  college: VoteCollege,
  count: number,
  counterId = 'c1',
  at = 1,
): IdeaVoteEntry => ({ itemId, bucket: college, counterId, count, at })

const order = (ranking: ReturnType<typeof rankIdeas>) =>
  ranking.rows.map((row) => `${row.rank ?? '-'}${row.tied ? '=' : ''} ${row.tally.itemId}`)

describe('vote by collège on the ideas that pass', () => {
  it('keeps each collège’s result apart and gives each collège the same weight, whatever its size', () => {
    // 60 usagers prefer A; 6 élus prefer B. By hands A would win 50 to 9; by collège it is even.
    const entries = [
      vote('A', 'usager', 45),
      vote('B', 'usager', 15),
      vote('A', 'elected', 1),
      vote('B', 'elected', 5),
    ]
    const ranking = rankIdeas(['A', 'B'], entries)
    expect(ranking.colleges.usager).toEqual({ total: 60, voted: true, weight: 1 })
    expect(ranking.colleges.agent).toEqual({ total: 0, voted: false, weight: 1 })
    const a = ranking.rows.find((row) => row.tally.itemId === 'A')!.tally
    expect(a.colleges.usager).toMatchObject({ value: 45, share: 0.75, rank: 1 })
    expect(a.colleges.elected).toMatchObject({ value: 1, rank: 2 })
    expect(a.colleges.elected.share).toBeCloseTo(1 / 6)
    // (0.75 + 1/6) / 2 = 0.4583 for A; (0.25 + 5/6) / 2 = 0.5417 for B.
    expect(order(ranking)).toEqual(['1 B', '2 A'])
    expect(a.score).toBeCloseTo(0.4583, 4)
  })

  it('leaves out a collège that has not voted instead of counting it as zero', () => {
    const ranking = rankIdeas(['A', 'B'], [vote('A', 'usager', 3), vote('B', 'usager', 1)])
    const [first] = ranking.rows
    expect(first!.tally.score).toBe(0.75)
    expect(first!.tally.colleges.agent).toMatchObject({ value: null, share: null, rank: null })
    expect(ranking.colleges.partner.voted).toBe(false)
  })

  it('shares ranks between ex æquo (1, 2, 2, 4), keeping the list order among them', () => {
    const entries = [
      vote('A', 'usager', 1),
      vote('B', 'usager', 2),
      vote('C', 'usager', 4),
      vote('D', 'usager', 2),
      vote('D', 'agent', 1),
      vote('B', 'agent', 1),
      vote('A', 'agent', 2),
    ]
    // Usagers: A 1/9, B 2/9, C 4/9, D 2/9; agents: A 2/4, B 1/4, C 0, D 1/4.
    // A 0.306, B and D 0.236, C 0.222.
    const ranking = rankIdeas(['A', 'B', 'C', 'D'], entries)
    expect(order(ranking)).toEqual(['1 A', '2= B', '2= D', '4 C'])
  })

  it('ties exactly even when floating-point sums differ in the last digit', () => {
    const entries = [
      vote('A', 'usager', 1),
      vote('C', 'usager', 3),
      vote('B', 'usager', 6),
      vote('A', 'agent', 2),
      vote('B', 'agent', 8),
    ]
    // A: (0.1 + 0.2) / 2 = 0.15000000000000002, C: (0.3 + 0) / 2 = 0.15 — the same score.
    const ranking = rankIdeas(['A', 'B', 'C'], entries)
    expect(order(ranking)).toEqual(['1 B', '2= A', '2= C'])
  })

  it('weights a collège more when asked, and ranks nothing before any vote', () => {
    const entries = [vote('A', 'usager', 3), vote('B', 'usager', 1), vote('B', 'elected', 1)]
    // Even: A (0.75 + 0) / 2 = 0.375, B (0.25 + 1) / 2 = 0.625.
    expect(order(rankIdeas(['A', 'B'], entries))).toEqual(['1 B', '2 A'])
    // Usagers ×3: A 3 × 0.75 / 4 = 0.5625, B (3 × 0.25 + 1) / 4 = 0.4375.
    const weighted = rankIdeas(['A', 'B'], entries, { usager: 3, agent: 1, partner: 1, elected: 1 })
    expect(order(weighted)).toEqual(['1 A', '2 B'])
    expect(weighted.rows[0]!.tally.score).toBe(0.5625)
    expect(order(rankIdeas(['A', 'B'], []))).toEqual(['- A', '- B'])
    const noWeight = { usager: 0, agent: 0, partner: 0, elected: 0 }
    expect(order(rankIdeas(['A', 'B'], entries, noWeight))).toEqual(['- A', '- B'])
  })

  it('uses the latest count while two counters disagree, and ignores items that are not candidates', () => {
    const entries = [
      vote('A', 'usager', 12, 'tablet', 5),
      vote('A', 'usager', 14, 'laptop', 9),
      vote('B', 'usager', 6),
      vote('Z', 'usager', 100),
    ]
    const ranking = rankIdeas(['A', 'B'], entries)
    const a = ranking.rows[0]!.tally.colleges.usager
    expect(a).toMatchObject({ value: 14, values: [12, 14], agreed: false, counters: 2 })
    expect(ranking.colleges.usager.total).toBe(20)
  })
})
