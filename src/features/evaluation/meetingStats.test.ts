import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { removeAtelier } from '../../doc/ateliers'
import { adjustAttendance } from '../../doc/attendance'
import { updateDetails } from '../../doc/details'
import { createMeeting, readMeeting } from '../../doc/meetingDoc'
import { addProposal, deleteProposal } from '../../doc/proposals'
import { chronological, meetingStats } from './meetingStats'

function meeting(date: string) {
  const doc = new Y.Doc()
  const ateliers = createMeeting(doc, { title: date, date, atelierNames: ['A', 'B', 'C'] })
  return { doc, ateliers }
}

describe('committee evaluation', () => {
  it('sums attendance over ateliers, with returning usagers and registered vs present', () => {
    const { doc, ateliers } = meeting('2026-12-03')
    for (const college of ['usagerNew', 'usagerReturning', 'usagerReturning', 'agent'] as const)
      adjustAttendance(doc, ateliers[0]!, college, 1)
    adjustAttendance(doc, ateliers[1]!, 'usagerReturning', 1)
    updateDetails(doc, { registered: 9 })
    const stats = meetingStats('m', readMeeting(doc))
    expect(stats.present).toBe(5)
    expect(stats.returningShare).toBe(3 / 4)
    expect(stats.absent).toBe(4)
  })

  it('leaves out removed ateliers and binned proposals, and says when nothing is known', () => {
    const { doc, ateliers } = meeting('2026-12-03')
    adjustAttendance(doc, ateliers[2]!, 'elected', 1)
    const kept = addProposal(doc, { atelierId: ateliers[0]!, text: 'a', authorRole: 'reporter' })
    deleteProposal(
      doc,
      addProposal(doc, { atelierId: ateliers[0]!, text: 'b', authorRole: 'reporter' }),
    )
    removeAtelier(doc, ateliers[2]!)
    const stats = meetingStats('m', readMeeting(doc))
    expect(kept).toBeTruthy()
    expect(stats).toMatchObject({
      present: 0,
      returningShare: null,
      registered: null,
      absent: null,
      proposals: 1,
    })
  })

  it('orders meetings oldest first for the chart', () => {
    const rows = ['2027-03-01', '2026-12-03'].map((date) =>
      meetingStats(date, readMeeting(meeting(date).doc)),
    )
    expect(chronological(rows).map((row) => row.date)).toEqual(['2026-12-03', '2027-03-01'])
  })
})
