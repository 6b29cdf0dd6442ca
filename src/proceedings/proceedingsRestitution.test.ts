import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { plenaryMeeting } from '../../tests/helpers/plenaryOps'
import { transmit } from '../doc/ateliers'
import { groupProposals } from '../doc/grouping'
import { createMeeting, readMeeting } from '../doc/meetingDoc'
import { editNote } from '../doc/notes'
import { debateNoteKey } from '../doc/plenary'
import { addProposal, setValidated } from '../doc/proposals'
import { enterCount, setRetained, setVoteMode, setWeight } from '../doc/votes'
import { buildProceedings } from './buildProceedings'
import { toMarkdown } from './toMarkdown'
import { proceedingsRestitution } from './proceedingsRestitution'
import { frenchSpacing } from '../text/strings'

describe('the restitution in the actes', () => {
  it('lists every item in ranking order with origins, votes, retention and debate notes', () => {
    const {
      doc,
      proposals: {
        Logement: [a1],
        Santé: [b1],
      },
    } = plenaryMeeting({
      Logement: ['Un guichet unique'],
      Santé: ['Un interlocuteur unique', 'Le samedi'],
    })
    const group = groupProposals(doc, [a1, b1], 'Un seul interlocuteur')
    setVoteMode(doc, 'colleges')
    enterCount(doc, group, 'usager', 'me', 12)
    enterCount(doc, group, 'elected', 'me', 2)
    setRetained(doc, group, true)
    editNote(doc, debateNoteKey(group), { index: 0, deleteCount: 0, insert: ' Accord large. ' })
    expect(proceedingsRestitution(readMeeting(doc)).items).toEqual([
      {
        text: 'Un seul interlocuteur',
        origins: [
          frenchSpacing('Logement : « Un guichet unique »'),
          frenchSpacing('Santé : « Un interlocuteur unique »'),
        ],
        votes: [
          { label: 'Usagers', count: 12, weight: 1 },
          { label: 'Élus', count: 2, weight: 1 },
        ],
        score: 14,
        rank: 1,
        tied: false,
        retained: true,
        debateNotes: 'Accord large.',
      },
      {
        text: 'Le samedi',
        origins: ['Santé'],
        votes: [],
        score: null,
        rank: null,
        tied: false,
        retained: false,
        debateNotes: '',
      },
    ])
  })

  it('explain the ranking: the weights, each line’s points and the ex æquo', () => {
    const doc = new Y.Doc()
    const [a] = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['Mobilité'] })
    const ids = ['Des bus le dimanche', 'Un transport à la demande', 'Des vélos'].map((text) => {
      const id = addProposal(doc, { atelierId: a!, text, authorRole: 'reporter' }, 1000)
      setValidated(doc, id, true, 1000)
      return id
    })
    transmit(doc, a!, 2000)
    setVoteMode(doc, 'colleges')
    setWeight(doc, 'elected', 2)
    // 10 usagers below 9 usagers and one élu weighing 2: the actes must say why.
    enterCount(doc, ids[0]!, 'usager', 'me', 10)
    enterCount(doc, ids[1]!, 'usager', 'me', 9)
    enterCount(doc, ids[1]!, 'elected', 'me', 1)
    enterCount(doc, ids[2]!, 'agent', 'me', 10)
    const meeting = readMeeting(doc)
    const restitution = proceedingsRestitution(meeting)
    expect(restitution.method).toEqual({
      mode: 'colleges',
      weights: [
        { label: 'Usagers', weight: 1 },
        { label: 'Agents', weight: 1 },
        { label: 'Partenaires', weight: 1 },
        { label: 'Élus', weight: 2 },
      ],
    })
    const md = toMarkdown(buildProceedings(meeting, restitution))
    for (const expected of [
      '### Comment les propositions ont été classées',
      'Vote par collège : chaque main levée compte autant de points que le poids de son collège (Usagers : poids 1 ; Agents : poids 1 ; Partenaires : poids 1 ; Élus : poids 2).',
      'Les propositions qui ont autant de points sont ex æquo',
      '### 1. Un transport à la demande\n\n- Mobilité\n\nVotes : Usagers : 9 · Élus : 1\n\nPoints : 9 + 1 × 2 = 11',
      '### 2. (ex æquo) Des bus le dimanche\n\n- Mobilité\n\nVotes : Usagers : 10\n\nPoints : 10',
      '### 2. (ex æquo) Des vélos',
    ])
      expect(md).toContain(frenchSpacing(expected))
  })

  it('have no method to explain when nothing was voted', () => {
    const doc = new Y.Doc()
    createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    expect(proceedingsRestitution(readMeeting(doc)).method).toBeNull()
  })
})
