import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { plenaryMeeting } from '../../tests/helpers/plenaryOps'
import { groupProposals, ungroup } from './grouping'
import { voteSettingsOf, votesOf } from './layout'
import { createMeeting, readMeeting } from './meetingDoc'
import {
  bucketCount,
  DEFAULT_VOTE_SETTINGS,
  enterCount,
  rankItems,
  readRetained,
  readVotes,
  setRetained,
  settleCount,
  setVoteMode,
  setWeight,
  tallyItem,
  withdrawCount,
  type VoteEntry,
  type VoteSettings,
} from './votes'

const entry = (
  itemId: string,
  bucket: VoteEntry['bucket'],
  count: number,
  counterId = 'c1',
  at = 0,
): VoteEntry => ({ itemId, bucket, counterId, count, at })

const byCollege: VoteSettings = { ...DEFAULT_VOTE_SETTINGS, mode: 'colleges' }

describe('tallies', () => {
  it('counts overall, with no count yet as no score rather than zero', () => {
    expect(tallyItem('p', [], DEFAULT_VOTE_SETTINGS)).toMatchObject({ score: null, total: null })
    expect(tallyItem('p', [entry('p', 'overall', 0)], DEFAULT_VOTE_SETTINGS)).toMatchObject({
      score: 0,
      total: 0,
    })
    expect(
      tallyItem('p', [entry('p', 'overall', 23), entry('q', 'overall', 5)], DEFAULT_VOTE_SETTINGS),
    ).toMatchObject({ score: 23, total: 23, disagreements: [] })
  })

  it('weighs the collèges, and names the collèges not counted yet', () => {
    const entries = [entry('p', 'usager', 10), entry('p', 'agent', 4), entry('p', 'elected', 2)]
    const weights = { usager: 2, agent: 1, partner: 1, elected: 0.5 }
    expect(tallyItem('p', entries, { mode: 'colleges', weights })).toMatchObject({
      total: 16,
      score: 25,
      missing: ['partner'],
    })
    // The overall count is not mixed into a vote by collège, nor the reverse.
    expect(tallyItem('p', [entry('p', 'overall', 9)], byCollege).score).toBeNull()
    expect(tallyItem('p', entries, DEFAULT_VOTE_SETTINGS).score).toBeNull()
  })

  it('keeps decimal weights exact enough to tie when they should', () => {
    const weights = { usager: 0.1, agent: 0.2, partner: 1, elected: 1 }
    const a = tallyItem('a', [entry('a', 'usager', 1), entry('a', 'agent', 1)], {
      mode: 'colleges',
      weights,
    })
    const b = tallyItem('b', [entry('b', 'usager', 3)], { mode: 'colleges', weights })
    expect(a.score).toBe(b.score)
  })
})

describe('double counting', () => {
  it('shows the agreed count, or the gap and the latest count meanwhile', () => {
    expect(bucketCount([entry('p', 'overall', 12, 'a'), entry('p', 'overall', 12, 'b')])).toEqual({
      value: 12,
      values: [12],
      agreed: true,
      counters: 2,
    })
    expect(
      bucketCount([entry('p', 'overall', 14, 'a', 5), entry('p', 'overall', 12, 'b', 7)]),
    ).toEqual({ value: 12, values: [12, 14], agreed: false, counters: 2 })
    const tally = tallyItem(
      'p',
      [entry('p', 'usager', 14, 'a'), entry('p', 'usager', 12, 'b')],
      byCollege,
    )
    expect(tally.disagreements).toEqual(['usager'])
  })

  it('keeps both counts entered on two devices at once, then settles them', () => {
    const a = new Y.Doc()
    createMeeting(a, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    enterCount(a, 'item', 'overall', 'counterA', 12, 100)
    enterCount(b, 'item', 'overall', 'counterB', 14, 101)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const { entries, settings } = readVotes(a)
    expect(readVotes(b).entries).toEqual(entries)
    expect(tallyItem('item', entries, settings).buckets.overall).toMatchObject({
      values: [12, 14],
      agreed: false,
    })
    settleCount(b, 'item', 'overall', 14, 200)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(tallyItem('item', readVotes(a).entries, settings).buckets.overall).toEqual({
      value: 14,
      values: [14],
      agreed: true,
      counters: 2,
    })
  })

  it('lets a counter correct or take back only their own count', () => {
    const doc = new Y.Doc()
    enterCount(doc, 'item', 'agent', 'me', 3, 1)
    enterCount(doc, 'item', 'agent', 'other', 4, 1)
    enterCount(doc, 'item', 'agent', 'me', 4, 2)
    expect(tallyItem('item', readVotes(doc).entries, byCollege).buckets.agent.agreed).toBe(true)
    withdrawCount(doc, 'item', 'agent', 'me')
    expect(readVotes(doc).entries.map((e) => e.counterId)).toEqual(['other'])
  })

  it('refuses negative, fractional or absurd counts, and skips bad entries', () => {
    const doc = new Y.Doc()
    expect(() => enterCount(doc, 'item', 'overall', 'me', -1)).toThrow()
    expect(() => enterCount(doc, 'item', 'overall', 'me', 2.5)).toThrow()
    expect(() => enterCount(doc, 'item', 'overall', 'me', 1e9)).toThrow()
    expect(() => enterCount(doc, 'it|em', 'overall', 'me', 1)).toThrow()
    votesOf(doc).set('item|overall|x', { count: -4, at: 1 })
    votesOf(doc).set('item|nope|x', { count: 4, at: 1 })
    votesOf(doc).set('item|overall', { count: 4, at: 1 })
    expect(readVotes(doc).entries).toEqual([])
  })
})

describe('ranking', () => {
  it('ranks by score, ex æquo sharing a rank, unvoted items last and unranked', () => {
    const entries = [
      entry('a', 'overall', 10),
      entry('b', 'overall', 25),
      entry('c', 'overall', 10),
      entry('d', 'overall', 3),
      entry('f', 'overall', 0),
    ]
    const ranked = rankItems(['a', 'b', 'c', 'd', 'e', 'f'], entries, DEFAULT_VOTE_SETTINGS)
    expect(ranked.map((r) => [r.tally.itemId, r.rank, r.tied])).toEqual([
      ['b', 1, false],
      ['a', 2, true],
      ['c', 2, true],
      ['d', 4, false],
      ['f', 5, false],
      ['e', null, false],
    ])
  })

  it('reranks when weights change, and when nobody voted ranks nobody', () => {
    const entries = [entry('a', 'usager', 10), entry('b', 'elected', 6)]
    const first = rankItems(['a', 'b'], entries, byCollege).map((r) => r.tally.itemId)
    expect(first).toEqual(['a', 'b'])
    const weighted = rankItems(['a', 'b'], entries, {
      mode: 'colleges',
      weights: { ...byCollege.weights, elected: 2 },
    })
    expect(weighted.map((r) => [r.tally.itemId, r.tally.score])).toEqual([
      ['b', 12],
      ['a', 10],
    ])
    expect(rankItems(['a', 'b'], [], byCollege).every((r) => r.rank === null)).toBe(true)
  })

  it('reads the mode and weights, falling back per collège on nonsense', () => {
    const doc = new Y.Doc()
    setVoteMode(doc, 'colleges')
    setWeight(doc, 'elected', 2)
    voteSettingsOf(doc).set('weight.agent', -3)
    expect(readVotes(doc).settings).toEqual({
      mode: 'colleges',
      weights: { usager: 1, agent: 1, partner: 1, elected: 2 },
    })
    expect(() => setWeight(doc, 'usager', -1)).toThrow()
  })
})

describe('retained in plenary', () => {
  it('lists the retained items with their origins, in ranking order, for the follow-up', () => {
    const {
      doc,
      ateliers: { Logement: a, Santé: b },
      proposals: {
        Logement: [a1, a2],
        Santé: [b1],
      },
    } = plenaryMeeting({
      Logement: ['Un guichet unique', 'Le samedi'],
      Santé: ['Un interlocuteur unique'],
    })
    const group = groupProposals(doc, [a1, b1], 'Un seul interlocuteur', 3000)
    enterCount(doc, group, 'overall', 'me', 30)
    enterCount(doc, a2, 'overall', 'me', 40)
    setRetained(doc, group, true, 5000)
    setRetained(doc, a2, true, 5001)
    setRetained(doc, a2, false, 5002)
    setRetained(doc, a2, true, 5003)
    expect(readRetained(doc)).toEqual([
      {
        itemId: a2,
        kind: 'proposal',
        text: 'Le samedi',
        origins: [{ proposalId: a2, atelierId: a, atelierName: 'Logement', text: 'Le samedi' }],
        retainedAt: 5003,
        score: 40,
        rank: 1,
      },
      {
        itemId: group,
        kind: 'group',
        text: 'Un seul interlocuteur',
        origins: [
          { proposalId: a1, atelierId: a, atelierName: 'Logement', text: 'Un guichet unique' },
          { proposalId: b1, atelierId: b, atelierName: 'Santé', text: 'Un interlocuteur unique' },
        ],
        retainedAt: 5000,
        score: 30,
        rank: 2,
      },
    ])
    expect(readMeeting(doc).votes.retained).toEqual({ [group]: 5000, [a2]: 5003 })
    // The mark follows the wall item: once ungrouped, the group is no longer on the wall.
    ungroup(doc, group)
    expect(readRetained(doc).map((item) => item.itemId)).toEqual([a2])
  })
})
