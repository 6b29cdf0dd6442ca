/**
 * The coordinators' edits of the idea bank, as data: collecting (typed, paper, from a meeting),
 * sorting into axes, grouping, the bin, the sieve, votes by collège, chantiers. Targets are
 * indexes into what the device reads at that moment, so any sequence applies to any state.
 * The idea bank's convergence test draws them; a new kind of edit goes here, in
 * `ideaBankOperation` and `applyIdeaBankOperation`.
 */
import fc from 'fast-check'
import type * as Y from 'yjs'
import { readIdeaBank } from '../../src/doc/ideaBank'
import { addIdeas, addMeetingProposals, binIdeas, restoreIdea } from '../../src/doc/ideaCollect'
import {
  addNamed,
  classify,
  moveNamed,
  removeNamed,
  renameNamed,
  restoreNamed,
  type NamedKind,
} from '../../src/doc/ideaAxes'
import { groupIdeas, leaveIdeaGroup, ungroupIdeas } from '../../src/doc/ideaGroups'
import { selectProjects } from '../../src/doc/ideaProjects'
import { answerCriterion, setSieveNote, SIEVE_ANSWERS } from '../../src/doc/ideaSieve'
import {
  enterIdeaCount,
  setIdeaWeight,
  settleIdeaCount,
  withdrawIdeaCount,
} from '../../src/doc/ideaVotes'
import { VOTE_COLLEGES } from '../../src/doc/voteCounts'

const pick = fc.nat(60)
/** Axes sort the ideas; criteria are the sieve's questions: both are named, ordered lists. */
const list = fc.constantFrom<NamedKind>('axes', 'criteria')
const college = fc.constantFrom(...VOTE_COLLEGES)

export const ideaBankOperation = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      n: fc.integer({ min: 1, max: 3 }),
    }),
  },
  fc.record({
    kind: fc.constant('meeting' as const),
    proposals: fc.array(fc.nat(4), { maxLength: 3 }),
  }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('classify' as const),
      items: fc.array(pick, { minLength: 1, maxLength: 4 }),
      axis: fc.option(pick),
    }),
  },
  fc.record({ kind: fc.constant('addNamed' as const), list }),
  fc.record({
    kind: fc.constant('removeNamed' as const),
    list,
    which: pick,
    restore: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('renameNamed' as const), list, which: pick }),
  fc.record({
    kind: fc.constant('moveNamed' as const),
    list,
    which: pick,
    down: fc.boolean(),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('group' as const),
      ideas: fc.array(pick, { minLength: 2, maxLength: 4 }),
    }),
  },
  fc.record({ kind: fc.constant('leave' as const), idea: pick }),
  fc.record({ kind: fc.constant('ungroup' as const), item: pick }),
  fc.record({ kind: fc.constant('bin' as const), idea: pick, restore: fc.boolean() }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      item: pick,
      criterion: pick,
      answer: fc.option(fc.constantFrom(...SIEVE_ANSWERS)),
    }),
  },
  fc.record({ kind: fc.constant('note' as const), item: pick, criterion: pick }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('count' as const),
      item: pick,
      college,
      count: fc.nat(50),
    }),
  },
  fc.record({ kind: fc.constant('withdraw' as const), item: pick, college }),
  fc.record({
    kind: fc.constant('settle' as const),
    item: pick,
    college,
    count: fc.nat(50),
  }),
  fc.record({
    kind: fc.constant('weight' as const),
    college,
    weight: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({ kind: fc.constant('project' as const), item: pick }),
)

export type IdeaBankOperation = typeof ideaBankOperation extends fc.Arbitrary<infer T> ? T : never

const MEETING = { id: 'a'.repeat(32), title: 'Soirée', date: '2026-03-12' }

/**
 * Applies one operation to `doc` at time `at`; votes are counted as `counter` (one per device).
 * Does nothing when the bank lacks its target.
 */
export function applyIdeaBankOperation(
  doc: Y.Doc,
  op: IdeaBankOperation,
  { at, counter }: { at: number; counter: string },
): void {
  const bank = readIdeaBank(doc)
  const nth = <T>(list: readonly T[], i: number): T | undefined =>
    list[i % Math.max(1, list.length)]
  const item = (i: number) => nth(bank.items, i)
  const named = (k: NamedKind) =>
    k === 'axes' ? [...bank.axes, ...bank.removedAxes] : [...bank.criteria, ...bank.removedCriteria]
  switch (op.kind) {
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
      addNamed(doc, op.list, `Nouveau ${at}`)
      return
    case 'removeNamed': {
      const entry = nth(named(op.list), op.which)
      if (entry) (op.restore ? restoreNamed : removeNamed)(doc, op.list, entry.id, at)
      return
    }
    case 'renameNamed': {
      const entry = nth(named(op.list), op.which)
      if (entry) renameNamed(doc, op.list, entry.id, `Renommé ${at}`)
      return
    }
    case 'moveNamed': {
      const entry = nth(named(op.list), op.which)
      if (entry) moveNamed(doc, op.list, entry.id, op.down ? 1 : -1)
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
      if (item(op.item)) enterIdeaCount(doc, item(op.item)!.id, op.college, counter, op.count, at)
      return
    case 'withdraw':
      if (item(op.item)) withdrawIdeaCount(doc, item(op.item)!.id, op.college, counter)
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
