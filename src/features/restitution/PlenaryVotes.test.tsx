// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newMeetingUpdate } from '../../../tests/helpers/meetingOps'
import { transmit } from '../../doc/ateliers'
import { readMeeting } from '../../doc/meetingDoc'
import { addProposal, setValidated } from '../../doc/proposals'
import { enterCount, readVotes } from '../../doc/votes'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { PlenaryControl } from './PlenaryControl'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

let doc: Y.Doc
let container: HTMLElement
let root: Root
const ids: Record<string, string> = {}

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  doc = new Y.Doc()
  Y.applyUpdate(doc, newMeetingUpdate(['Santé', 'Logement']))
  const atelierId = readMeeting(doc).ateliers[0]!.id
  for (const text of ['Un guichet unique', 'Des horaires du soir']) {
    ids[text] = addProposal(doc, { atelierId, text, authorRole: 'reporter' })
    setValidated(doc, ids[text]!, true)
  }
  transmit(doc, atelierId)
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  doc.destroy()
})

const button = (name: string, within: ParentNode = container) =>
  Array.from(within.querySelectorAll('button')).find((b) => b.textContent?.includes(name))!

const voteRow = (text: string) =>
  Array.from(container.querySelectorAll('[data-testid="vote-row"]')).find((row) =>
    row.textContent?.includes(text),
  )!

describe('the plenary retains from the vote', () => {
  it('each vote row shows its rank and retains the proposal, with no trip to the ranking', async () => {
    enterCount(doc, ids['Un guichet unique']!, 'overall', 'counter-a', 4)
    enterCount(doc, ids['Des horaires du soir']!, 'overall', 'counter-a', 9)
    await act(async () =>
      root.render(<PlenaryControl session={{ doc, readOnly: false } as MeetingSession} />),
    )
    await act(async () => button(t.plenary.views.votes).click())

    expect(voteRow('Des horaires du soir').textContent).toContain(t.ranking.rank(1, false))
    expect(voteRow('Un guichet unique').textContent).toContain(t.ranking.rank(2, false))

    await act(async () => button(t.plenary.retain, voteRow('Des horaires du soir')).click())
    expect(Object.keys(readVotes(doc).retained)).toEqual([ids['Des horaires du soir']])
    const row = voteRow('Des horaires du soir')
    expect(row.textContent).toContain(t.plenary.retained)
    expect(button(t.plenary.unretain, row).getAttribute('aria-pressed')).toBe('true')

    // Undone from the same row.
    await act(async () => button(t.plenary.unretain, row).click())
    expect(readVotes(doc).retained).toEqual({})
  })
})
