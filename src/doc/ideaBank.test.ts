import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readFollowUp } from './followUp'
import {
  addIdeas,
  addMeetingProposals,
  binIdeas,
  editIdea,
  restoreIdea,
  splitIdeas,
} from './ideaCollect'
import {
  addNamed,
  classify,
  DEFAULT_AXES,
  DEFAULT_CRITERIA,
  moveNamed,
  removeNamed,
  renameNamed,
  restoreNamed,
} from './ideaAxes'
import { answerCriterion, setSieveNote } from './ideaSieve'
import { enterIdeaCount, setIdeaWeight } from './ideaVotes'
import { groupIdeas, leaveIdeaGroup, ungroupIdeas } from './ideaGroups'
import { readIdeaBank, type IdeaBank } from './ideaBank'
import { selectProjects } from './ideaProjects'
import { rankIdeas } from './ideaVotes'

const paper = { kind: 'paper' as const, label: 'Fête de quartier Monplaisir', date: '2026-05-16' }
const [AXIS1, AXIS2, AXIS3] = DEFAULT_AXES.map((axis) => axis.id)
const CRITERIA = DEFAULT_CRITERIA.map((criterion) => criterion.id)

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

const itemOf = (bank: IdeaBank, ideaId: string) =>
  bank.items.find((item) => item.ideas.some((idea) => idea.id === ideaId))!

describe('collecting ideas', () => {
  it('starts with the eight Angers axes and three criteria, written nowhere until edited', () => {
    const doc = new Y.Doc()
    const bank = readIdeaBank(doc)
    expect(bank.axes.map((axis) => axis.name)).toHaveLength(8)
    expect(bank.axes[0]).toMatchObject({
      name: 'Améliorer l’information des usagers',
      builtIn: true,
    })
    expect(bank.criteria.map((criterion) => criterion.name)).toEqual([
      'La compétence communale',
      'La mobilisation de la citoyenneté',
      'La mobilisation des moyens',
    ])
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()))
  })

  it('adds a paste of paper forms, one idea per line, each keeping its source, in order', () => {
    expect(splitIdeas('- Un journal\n\n  2) Des bancs  \r\n• Vacances\n')).toEqual([
      'Un journal',
      'Des bancs',
      'Vacances',
    ])
    const doc = new Y.Doc()
    addIdeas(doc, ['Un journal', 'Des bancs', 'Vacances'], paper, 1000)
    const bank = readIdeaBank(doc)
    expect(bank.items.map((item) => item.text)).toEqual(['Un journal', 'Des bancs', 'Vacances'])
    expect(bank.ideas[0]!.source).toEqual({ ...paper, meetingId: null, atelier: null })
    expect(() => addIdeas(doc, ['  '], paper)).toThrow()
    expect(() => addIdeas(doc, ['ok'], { ...paper, date: '16/05/2026' })).toThrow()
  })

  it('takes a meeting’s proposals once, with meeting, atelier and date, from any device', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const meeting = { id: 'f'.repeat(32), title: 'Soirée accès aux droits', date: '2026-03-12' }
    const proposals = [
      { proposalId: 'p1', text: 'Un guichet unique', atelier: 'Atelier 1' },
      { proposalId: 'p2', text: 'Des permanences le soir', atelier: 'Atelier 2' },
    ]
    expect(addMeetingProposals(a, meeting, proposals, 10)).toEqual({ added: 2, already: 0 })
    expect(addMeetingProposals(b, meeting, proposals.slice(1), 20)).toEqual({
      added: 1,
      already: 0,
    })
    sync(a, b)
    expect(addMeetingProposals(b, meeting, proposals, 30)).toEqual({ added: 0, already: 2 })
    const bank = readIdeaBank(b)
    expect(bank.ideas).toHaveLength(2)
    expect(bank.ideas.find((idea) => idea.text === 'Un guichet unique')!.source).toEqual({
      kind: 'meeting',
      label: 'Soirée accès aux droits',
      date: '2026-03-12',
      meetingId: meeting.id,
      atelier: 'Atelier 1',
    })
  })

  it('edits, bins and restores an idea without losing its axis', () => {
    const doc = new Y.Doc()
    const [id] = addIdeas(doc, ['Un jornal'], paper, 1)
    classify(doc, [id!], AXIS1!)
    editIdea(doc, id!, 'Un journal', 5)
    binIdeas(doc, [id!], 9)
    expect(readIdeaBank(doc).items).toEqual([])
    expect(readIdeaBank(doc).binned[0]).toMatchObject({ text: 'Un journal', removedAt: 9 })
    restoreIdea(doc, id!)
    expect(readIdeaBank(doc).items[0]).toMatchObject({ text: 'Un journal', axisId: AXIS1 })
    // An edit of the text changes the text only: where the idea came from stays.
    expect(readIdeaBank(doc).ideas[0]).toMatchObject({ source: paper, createdAt: 1, updatedAt: 5 })
  })
})

describe('a bank of 1,000 ideas', () => {
  // How long this read takes is measured by `npm run bench` (bench/ideaBank.ts), not here.
  it('reads every idea once, with its axis, answers and group', () => {
    const doc = new Y.Doc()
    const ids = addIdeas(
      doc,
      Array.from({ length: 1000 }, (_, i) => `Idée ${i}`),
      paper,
      1,
    )
    classify(doc, ids.slice(0, 600), AXIS1!)
    for (const id of ids.slice(0, 300)) answerCriterion(doc, id, CRITERIA[0]!, 'yes')
    groupIdeas(doc, ids.slice(900, 905), 'Groupe', 2)
    const bank = readIdeaBank(doc)
    expect(bank.items).toHaveLength(996)
    expect(bank.items.flatMap((item) => item.ideas).length).toBe(1000)
    expect(bank.items.filter((item) => item.axisId === AXIS1)).toHaveLength(600)
    expect(bank.items.filter((item) => item.answers[CRITERIA[0]!] === 'yes')).toHaveLength(300)
    expect(bank.items.find((item) => item.kind === 'group')?.ideas.map((idea) => idea.id)).toEqual(
      ids.slice(900, 905),
    )
  })
})

describe('axes', () => {
  it('files ideas one by one or in bulk, each in exactly one axis', () => {
    const doc = new Y.Doc()
    const ids = addIdeas(doc, ['a', 'b', 'c'], paper, 1)
    classify(doc, [ids[0]!], AXIS1!)
    classify(doc, ids, AXIS2!)
    classify(doc, [ids[2]!], null)
    expect(readIdeaBank(doc).items.map((item) => item.axisId)).toEqual([AXIS2, AXIS2, null])
    expect(() => classify(doc, ids, 'nope')).toThrow()
  })

  it('edits the default axes field by field, and a removed axis sends its ideas back untouched', () => {
    const doc = new Y.Doc()
    const [id] = addIdeas(doc, ['a'], paper, 1)
    classify(doc, [id!], AXIS3!)
    renameNamed(doc, 'axes', AXIS3!, 'Le travail pour tous')
    moveNamed(doc, 'axes', AXIS3!, -1)
    const custom = addNamed(doc, 'axes', 'Se loger')
    let bank = readIdeaBank(doc)
    expect(bank.axes.map((axis) => axis.id).slice(0, 3)).toEqual([AXIS1, AXIS3, AXIS2])
    expect(bank.axes.at(-1)).toMatchObject({ id: custom, name: 'Se loger', builtIn: false })
    removeNamed(doc, 'axes', AXIS3!, 5)
    bank = readIdeaBank(doc)
    expect(bank.items[0]!.axisId).toBeNull()
    expect(bank.removedAxes.map((axis) => axis.name)).toEqual(['Le travail pour tous'])
    restoreNamed(doc, 'axes', AXIS3!)
    expect(readIdeaBank(doc).items[0]!.axisId).toBe(AXIS3)
  })

  it('keeps a rename and a move made at once on two devices', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    renameNamed(a, 'axes', AXIS2!, 'Des services meilleurs')
    moveNamed(b, 'axes', AXIS2!, 1)
    sync(a, b)
    expect(readIdeaBank(a).axes[2]).toMatchObject({ id: AXIS2, name: 'Des services meilleurs' })
    expect(readIdeaBank(b)).toEqual(readIdeaBank(a))
  })
})

describe('duplicates', () => {
  it('groups duplicates under one wording, keeping every idea’s text and source', () => {
    const doc = new Y.Doc()
    const [x, y] = addIdeas(doc, ['Journal des usagers', 'Bancs'], paper, 1)
    const [z] = addIdeas(doc, ['Un journal pour les usagers'], { kind: 'event', label: 'Forum' }, 5)
    classify(doc, [z!], AXIS1!)
    const group = groupIdeas(doc, [x!, z!], 'Un journal des usagers du CCAS', 9)
    let bank = readIdeaBank(doc)
    expect(bank.items.map((item) => item.kind)).toEqual(['group', 'idea'])
    const item = bank.items[0]!
    expect(item).toMatchObject({ id: group, text: 'Un journal des usagers du CCAS', axisId: AXIS1 })
    expect(item.ideas.map((idea) => [idea.text, idea.source.label])).toEqual([
      ['Journal des usagers', 'Fête de quartier Monplaisir'],
      ['Un journal pour les usagers', 'Forum'],
    ])
    // A third one joins the existing group rather than making another.
    const [w] = addIdeas(doc, ['Journal usagers'], paper, 20)
    expect(groupIdeas(doc, [w!, z!], 'ignored', 21)).toBe(group)
    expect(readIdeaBank(doc).items[0]!.ideas).toHaveLength(3)
    // Leaving and ungrouping: each idea shows on its own again, as it was.
    leaveIdeaGroup(doc, w!)
    ungroupIdeas(doc, group)
    bank = readIdeaBank(doc)
    expect(bank.items.map((entry) => entry.text)).toEqual([
      'Journal des usagers',
      'Bancs',
      'Un journal pour les usagers',
      'Journal usagers',
    ])
    expect(itemOf(bank, z!).axisId).toBe(AXIS1)
    expect(itemOf(bank, y!).kind).toBe('idea')
  })

  it('gives a new group the sieve answers of its first sieved idea', () => {
    const doc = new Y.Doc()
    const [x, y] = addIdeas(doc, ['a', 'b'], paper, 1)
    answerCriterion(doc, y!, CRITERIA[0]!, 'no')
    setSieveNote(doc, y!, CRITERIA[0]!, 'Département')
    groupIdeas(doc, [x!, y!], 'a/b', 2)
    expect(readIdeaBank(doc).items[0]).toMatchObject({
      kind: 'group',
      answers: { [CRITERIA[0]!]: 'no' },
      notes: { [CRITERIA[0]!]: 'Département' },
      sieve: 'fail',
    })
  })

  it('shows a group’s last idea on its own when the other goes to the bin', () => {
    const doc = new Y.Doc()
    const [x, y] = addIdeas(doc, ['a', 'b'], paper, 1)
    groupIdeas(doc, [x!, y!], 'a/b', 2)
    binIdeas(doc, [y!])
    expect(readIdeaBank(doc).items.map((item) => [item.kind, item.text])).toEqual([['idea', 'a']])
  })
})

describe('the sieve', () => {
  it('passes the ideas with “oui” to every criterion, fails any “non”, and keeps the reasons', () => {
    const doc = new Y.Doc()
    const [pass, fail, maybe, blank] = addIdeas(doc, ['pass', 'fail', 'maybe', 'blank'], paper, 1)
    for (const criterion of CRITERIA) answerCriterion(doc, pass!, criterion, 'yes')
    answerCriterion(doc, fail!, CRITERIA[0]!, 'yes')
    answerCriterion(doc, fail!, CRITERIA[1]!, 'no')
    setSieveNote(doc, fail!, CRITERIA[1]!, 'Relève du Département')
    answerCriterion(doc, maybe!, CRITERIA[0]!, 'yes')
    answerCriterion(doc, maybe!, CRITERIA[1]!, 'yes')
    answerCriterion(doc, maybe!, CRITERIA[2]!, 'maybe')
    answerCriterion(doc, blank!, CRITERIA[0]!, 'yes')
    answerCriterion(doc, blank!, CRITERIA[0]!, null)
    const bank = readIdeaBank(doc)
    expect(bank.items.map((item) => item.sieve)).toEqual(['pass', 'fail', 'pending', 'pending'])
    expect(bank.items[1]!.notes).toEqual({ [CRITERIA[1]!]: 'Relève du Département' })
    expect(bank.items.filter((item) => item.sieve === 'pass').map((item) => item.text)).toEqual([
      'pass',
    ])
  })

  it('stops asking a removed criterion, and asks a new one', () => {
    const doc = new Y.Doc()
    const [id] = addIdeas(doc, ['x'], paper, 1)
    answerCriterion(doc, id!, CRITERIA[0]!, 'yes')
    answerCriterion(doc, id!, CRITERIA[1]!, 'yes')
    answerCriterion(doc, id!, CRITERIA[2]!, 'no')
    removeNamed(doc, 'criteria', CRITERIA[2]!)
    expect(readIdeaBank(doc).items[0]!.sieve).toBe('pass')
    const extra = addNamed(doc, 'criteria', 'Délai', 'Faisable dans l’année ?')
    expect(readIdeaBank(doc).items[0]!.sieve).toBe('pending')
    answerCriterion(doc, id!, extra, 'yes')
    expect(readIdeaBank(doc).items[0]!.sieve).toBe('pass')
  })
})

describe('votes and chantiers', () => {
  it('tallies per collège from the document and sends the chosen chantiers to the follow-up', () => {
    const doc = new Y.Doc()
    const [a, b, c] = addIdeas(doc, ['Des prêts facilités', 'Un journal', 'Vacances'], paper, 1)
    classify(doc, [a!, b!], AXIS2!)
    enterIdeaCount(doc, a!, 'usager', 'tablet', 20, 5)
    enterIdeaCount(doc, b!, 'usager', 'tablet', 10, 5)
    enterIdeaCount(doc, b!, 'elected', 'laptop', 4, 6)
    enterIdeaCount(doc, c!, 'elected', 'laptop', 1, 6)
    setIdeaWeight(doc, 'elected', 2)
    const bank = readIdeaBank(doc)
    expect(bank.weights).toEqual({ usager: 1, agent: 1, partner: 1, elected: 2 })
    const ranking = rankIdeas(
      bank.items.map((item) => item.id),
      bank.votes,
      bank.weights,
    )
    expect(ranking.rows.map((row) => row.tally.itemId)).toEqual([b, a, c])

    selectProjects(
      doc,
      [
        { itemId: b!, text: 'Un journal', origins: ['Améliorer les prestations', 'Fête'] },
        { itemId: a!, text: 'Des prêts facilités', origins: ['Améliorer les prestations'] },
      ],
      Date.UTC(2026, 5, 1, 12),
    )
    selectProjects(doc, [{ itemId: a!, text: 'Des prêts facilités', origins: [] }], 99)
    expect(readIdeaBank(doc).items.filter((item) => item.projectAt !== null)).toHaveLength(2)
    const followUp = readFollowUp(doc)
    expect(followUp.map((entry) => [entry.id, entry.meetingTitle, entry.text]).sort()).toEqual(
      [
        [`banque-idees:${b}`, 'Banque d’idées', 'Un journal'],
        [`banque-idees:${a}`, 'Banque d’idées', 'Des prêts facilités'],
      ].sort(),
    )
    expect(followUp.find((entry) => entry.text === 'Un journal')).toMatchObject({
      meetingDate: '2026-06-01',
      ateliers: ['Améliorer les prestations', 'Fête'],
      status: 'retained',
    })
  })
})
