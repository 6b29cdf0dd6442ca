import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readFollowUp } from './followUp'
import { addIdeas, addMeetingProposals, binIdeas, restoreIdea } from './ideaCollect'
import {
  addNamed,
  classify,
  moveNamed,
  removeNamed,
  renameNamed,
  restoreNamed,
  type NamedKind,
} from './ideaAxes'
import { answerCriterion, setSieveNote, SIEVE_ANSWERS } from './ideaSieve'
import { enterIdeaCount, setIdeaWeight, settleIdeaCount, withdrawIdeaCount } from './ideaVotes'
import { groupIdeas, leaveIdeaGroup, ungroupIdeas } from './ideaGroups'
import { readIdeaBank, type IdeaBank } from './ideaBank'
import { selectProjects } from './ideaProjects'
import { rankIdeas } from './ideaVotes'
import { VOTE_COLLEGES } from './voteCounts'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'

/**
 * Convergence of the idea bank: three coordinator devices collect, sort, group, sieve, count
 * and choose chantiers at random, each offline, meeting along random one-way syncs. At every
 * moment on every device each idea outside the bin is shown exactly once, in one item, and
 * every item is in one live axis or "à classer"; once everyone has talked to everyone, every
 * device reads the same bank and the same tableau de suivi. fast-check prints the seed and path
 * of a failing run; replay it (tests/helpers/property.ts) and keep it as a named case.
 */
const REPLICAS = 3
const replica = fc.nat(REPLICAS - 1)
const pick = fc.nat(60)
const kind = fc.constantFrom<NamedKind>('axes', 'criteria')
const college = fc.constantFrom(...VOTE_COLLEGES)

const operation = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      replica,
      n: fc.integer({ min: 1, max: 3 }),
    }),
  },
  fc.record({
    op: fc.constant('meeting' as const),
    replica,
    proposals: fc.array(fc.nat(4), { maxLength: 3 }),
  }),
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('classify' as const),
      replica,
      items: fc.array(pick, { minLength: 1, maxLength: 4 }),
      axis: fc.option(pick),
    }),
  },
  fc.record({ op: fc.constant('addNamed' as const), replica, kind }),
  fc.record({
    op: fc.constant('removeNamed' as const),
    replica,
    kind,
    which: pick,
    restore: fc.boolean(),
  }),
  fc.record({ op: fc.constant('renameNamed' as const), replica, kind, which: pick }),
  fc.record({
    op: fc.constant('moveNamed' as const),
    replica,
    kind,
    which: pick,
    down: fc.boolean(),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('group' as const),
      replica,
      ideas: fc.array(pick, { minLength: 2, maxLength: 4 }),
    }),
  },
  fc.record({ op: fc.constant('leave' as const), replica, idea: pick }),
  fc.record({ op: fc.constant('ungroup' as const), replica, item: pick }),
  fc.record({ op: fc.constant('bin' as const), replica, idea: pick, restore: fc.boolean() }),
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('answer' as const),
      replica,
      item: pick,
      criterion: pick,
      answer: fc.option(fc.constantFrom(...SIEVE_ANSWERS)),
    }),
  },
  fc.record({ op: fc.constant('note' as const), replica, item: pick, criterion: pick }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('count' as const),
      replica,
      item: pick,
      college,
      count: fc.nat(50),
    }),
  },
  fc.record({ op: fc.constant('withdraw' as const), replica, item: pick, college }),
  fc.record({
    op: fc.constant('settle' as const),
    replica,
    item: pick,
    college,
    count: fc.nat(50),
  }),
  fc.record({
    op: fc.constant('weight' as const),
    replica,
    college,
    weight: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({ op: fc.constant('project' as const), replica, item: pick }),
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('sync' as const), from: replica, to: replica }),
  },
)
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

function push(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

const MEETING = { id: 'a'.repeat(32), title: 'Soirée', date: '2026-03-12' }

function run(doc: Y.Doc, op: Exclude<Operation, { op: 'sync' }>, at: number) {
  const bank = readIdeaBank(doc)
  const nth = <T>(list: readonly T[], i: number): T | undefined =>
    list[i % Math.max(1, list.length)]
  const item = (i: number) => nth(bank.items, i)
  const named = (k: NamedKind) =>
    k === 'axes' ? [...bank.axes, ...bank.removedAxes] : [...bank.criteria, ...bank.removedCriteria]
  switch (op.op) {
    case 'add':
      addIdeas(
        doc,
        Array.from({ length: op.n }, (_, i) => `Idée ${at}.${i}`),
        { kind: 'typed' },
        at,
      )
      return
    case 'meeting':
      addMeetingProposals(
        doc,
        MEETING,
        op.proposals.map((n) => ({ proposalId: `p${n}`, text: `Proposition ${n}`, atelier: 'A' })),
        at,
      )
      return
    case 'classify': {
      const ids = op.items.map((i) => item(i)?.id).filter((id): id is string => id !== undefined)
      const axis = op.axis === null ? null : (nth(bank.axes, op.axis)?.id ?? null)
      if (ids.length > 0) classify(doc, ids, axis)
      return
    }
    case 'addNamed':
      addNamed(doc, op.kind, `Nouveau ${at}`)
      return
    case 'removeNamed': {
      const entry = nth(named(op.kind), op.which)
      if (entry) (op.restore ? restoreNamed : removeNamed)(doc, op.kind, entry.id, at)
      return
    }
    case 'renameNamed': {
      const entry = nth(named(op.kind), op.which)
      if (entry) renameNamed(doc, op.kind, entry.id, `Renommé ${at}`)
      return
    }
    case 'moveNamed': {
      const entry = nth(named(op.kind), op.which)
      if (entry) moveNamed(doc, op.kind, entry.id, op.down ? 1 : -1)
      return
    }
    case 'group': {
      const ids = [...new Set(op.ideas.map((i) => nth(bank.ideas, i)?.id))].filter(
        (id): id is string => id !== undefined,
      )
      if (ids.length >= 2) groupIdeas(doc, ids, `Groupe ${at}`, at)
      return
    }
    case 'leave': {
      const idea = nth(bank.ideas, op.idea)
      if (idea) leaveIdeaGroup(doc, idea.id)
      return
    }
    case 'ungroup': {
      const target = item(op.item)
      if (target?.kind === 'group') ungroupIdeas(doc, target.id)
      return
    }
    case 'bin': {
      if (op.restore) {
        const idea = nth(bank.binned, op.idea)
        if (idea) restoreIdea(doc, idea.id)
      } else {
        const idea = nth(bank.ideas, op.idea)
        if (idea) binIdeas(doc, [idea.id], at)
      }
      return
    }
    case 'answer': {
      const target = item(op.item)
      const criterion = nth(bank.criteria, op.criterion)
      if (target && criterion) answerCriterion(doc, target.id, criterion.id, op.answer)
      return
    }
    case 'note': {
      const target = item(op.item)
      const criterion = nth(bank.criteria, op.criterion)
      if (target && criterion) setSieveNote(doc, target.id, criterion.id, `Parce que ${at}`)
      return
    }
    case 'count':
      if (item(op.item))
        enterIdeaCount(doc, item(op.item)!.id, op.college, `counter${op.replica}`, op.count, at)
      return
    case 'withdraw':
      if (item(op.item))
        withdrawIdeaCount(doc, item(op.item)!.id, op.college, `counter${op.replica}`)
      return
    case 'settle':
      if (item(op.item)) settleIdeaCount(doc, item(op.item)!.id, op.college, op.count, at)
      return
    case 'weight':
      setIdeaWeight(doc, op.college, op.weight)
      return
    case 'project': {
      const target = item(op.item)
      if (target)
        selectProjects(doc, [{ itemId: target.id, text: target.text, origins: ['Axe'] }], at)
      return
    }
  }
}

/** Every idea outside the bin in exactly one item; every item in one live axis or none. */
function checkInvariants(bank: IdeaBank) {
  const shown = bank.items.flatMap((item) => item.ideas.map((idea) => idea.id)).sort()
  expect(shown).toEqual(bank.ideas.map((idea) => idea.id).sort())
  expect(new Set(bank.items.map((item) => item.id)).size).toBe(bank.items.length)
  const axes = new Set(bank.axes.map((axis) => axis.id))
  for (const item of bank.items) {
    if (item.axisId !== null) expect(axes.has(item.axisId)).toBe(true)
    if (item.kind === 'group') expect(item.ideas.length).toBeGreaterThanOrEqual(2)
    for (const idea of item.ideas) expect(idea.removedAt).toBeNull()
  }
  const passing = bank.items.filter((item) => item.sieve === 'pass').map((item) => item.id)
  const ranking = rankIdeas(passing, bank.votes, bank.weights)
  expect(ranking.rows).toHaveLength(passing.length)
  for (const row of ranking.rows)
    if (row.tally.score !== null) {
      expect(row.tally.score).toBeGreaterThanOrEqual(0)
      expect(row.tally.score).toBeLessThanOrEqual(1)
    }
}

describe('idea bank convergence', () => {
  it(
    'converges for concurrent collecting, sorting, grouping, sieving, votes and chantiers',
    () =>
      checkProperty(
        fc.property(fc.array(operation, { maxLength: 50 }), (operations) => {
          const origin = new Y.Doc()
          addIdeas(origin, ['a', 'b', 'c', 'd', 'e', 'f'], { kind: 'paper', label: 'Forum' }, 1)
          const replicas = Array.from({ length: REPLICAS }, () => new Y.Doc())
          for (const r of replicas) push(origin, r)
          for (const [step, op] of operations.entries()) {
            if (op.op === 'sync') {
              push(replicas[op.from]!, replicas[op.to]!)
              continue
            }
            const doc = replicas[op.replica]!
            run(doc, op, 1000 + step)
            checkInvariants(readIdeaBank(doc))
          }
          for (const a of replicas) for (const b of replicas) push(a, b)
          const [first, ...others] = replicas.map(readIdeaBank)
          for (const other of others) expect(other).toEqual(first)
          const [followUp, ...otherFollowUps] = replicas.map(readFollowUp)
          for (const other of otherFollowUps) expect(other).toEqual(followUp)
          checkInvariants(first!)
          // Every chantier chosen on any device is in the tableau de suivi.
          for (const item of first!.items.filter((entry) => entry.projectAt !== null))
            expect(followUp!.some((entry) => entry.id === `banque-idees:${item.id}`)).toBe(true)
        }),
        150,
      ),
    PROPERTY_TEST_TIMEOUT,
  )
})
