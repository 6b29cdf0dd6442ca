import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { transmit } from '../../doc/ateliers'
import { groupProposals } from '../../doc/grouping'
import { createMeeting, readMeeting } from '../../doc/meetingDoc'
import { editNote } from '../../doc/notes'
import { debateNoteKey } from '../../doc/plenary'
import { addProposal, setValidated } from '../../doc/proposals'
import { enterCount, setRetained, setVoteMode } from '../../doc/votes'
import { proceedingsRestitution } from './proceedingsRestitution'

describe('the restitution in the actes', () => {
  it('lists every item in ranking order with origins, votes, retention and debate notes', () => {
    const doc = new Y.Doc()
    const [a, b] = createMeeting(doc, {
      title: 'T',
      date: '2026-12-03',
      atelierNames: ['Logement', 'Santé'],
    })
    const add = (atelierId: string, text: string) => {
      const id = addProposal(doc, { atelierId, text, authorRole: 'reporter' }, 1000)
      setValidated(doc, id, true, 1000)
      return id
    }
    const a1 = add(a!, 'Un guichet unique')
    const b1 = add(b!, 'Un interlocuteur unique')
    add(b!, 'Le samedi')
    transmit(doc, a!, 2000)
    transmit(doc, b!, 2000)
    const group = groupProposals(doc, [a1, b1], 'Un seul interlocuteur')
    setVoteMode(doc, 'colleges')
    enterCount(doc, group, 'usager', 'me', 12)
    enterCount(doc, group, 'elected', 'me', 2)
    setRetained(doc, group, true)
    editNote(doc, debateNoteKey(group), { index: 0, deleteCount: 0, insert: ' Accord large. ' })
    expect(proceedingsRestitution(readMeeting(doc))).toEqual([
      {
        text: 'Un seul interlocuteur',
        origins: ['Logement : « Un guichet unique »', 'Santé : « Un interlocuteur unique »'],
        votes: [
          { label: 'Usagers', count: 12 },
          { label: 'Élus', count: 2 },
        ],
        score: 14,
        rank: 1,
        retained: true,
        debateNotes: 'Accord large.',
      },
      {
        text: 'Le samedi',
        origins: ['Santé'],
        votes: [],
        score: null,
        rank: null,
        retained: false,
        debateNotes: '',
      },
    ])
  })
})
