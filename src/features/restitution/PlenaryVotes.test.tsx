// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { plenaryMeeting } from '../../../tests/helpers/plenaryOps'
import { cleanup, mount } from '../../../tests/helpers/render'
import { enterCount, readVotes } from '../../doc/votes'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { PlenaryControl } from './PlenaryControl'

afterEach(cleanup)

const button = (within: ParentNode, name: string) =>
  Array.from(within.querySelectorAll('button')).find((b) => b.textContent?.includes(name))!

describe('the plenary retains from the vote', () => {
  it('each vote row shows its rank and retains the proposal, with no trip to the ranking', () => {
    const {
      doc,
      proposals: {
        Santé: [guichet, soir],
      },
    } = plenaryMeeting({ Santé: ['Un guichet unique', 'Des horaires du soir'], Logement: [] })
    enterCount(doc, guichet, 'overall', 'counter-a', 4)
    enterCount(doc, soir, 'overall', 'counter-a', 9)
    const { container } = mount(
      <PlenaryControl session={{ doc, readOnly: false } as MeetingSession} />,
    )
    const row = (text: string) =>
      Array.from(container.querySelectorAll('[data-testid="vote-row"]')).find((candidate) =>
        candidate.textContent?.includes(text),
      )!
    act(() => button(container, t.plenary.views.votes).click())

    expect(row('Des horaires du soir').textContent).toContain(t.ranking.rank(1, false))
    expect(row('Un guichet unique').textContent).toContain(t.ranking.rank(2, false))

    act(() => button(row('Des horaires du soir'), t.plenary.retain).click())
    expect(Object.keys(readVotes(doc).retained)).toEqual([soir])
    expect(row('Des horaires du soir').textContent).toContain(t.plenary.retained)
    const undo = button(row('Des horaires du soir'), t.plenary.unretain)
    expect(undo.getAttribute('aria-pressed')).toBe('true')

    // Undone from the same row.
    act(() => undo.click())
    expect(readVotes(doc).retained).toEqual({})
  })
})
