// @vitest-environment happy-dom
import { act, Profiler, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newMeetingUpdate, transmitProposals } from '../../../tests/helpers/meetingOps'
import { readMeeting } from '../../doc/meetingDoc'
import { diffText, editNote, noteKey } from '../../doc/notes'
import { debateNoteKey, openDebateNote, setScreen, setSpotlight } from '../../doc/plenary'
import type { MeetingSession } from '../../sync/meetingSession'
import { PlenaryControl } from '../restitution/PlenaryControl'
import { ProjectionScreen } from './ProjectionScreen'

/**
 * A screen re-renders only for what it shows. With three ateliers, two of them transmitted and
 * the third typing its notes (here, and merged from its own tablet), the projector's wall, its
 * ranking and its spotlight, and the coordinator's plenary tab render nothing and touch nothing
 * in the page: no React render, no DOM mutation (so no text fitting either). A transmission,
 * or the spotlit item's own debate note, does reach them — the counters are live.
 */
declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

let doc: Y.Doc
let tablet: Y.Doc
let container: HTMLElement
let root: Root
let renders: number
let mutations: number
let ateliers: string[]

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  doc = new Y.Doc()
  tablet = new Y.Doc()
  const start = newMeetingUpdate(['Santé', 'Logement', 'Mobilité'])
  Y.applyUpdate(doc, start)
  Y.applyUpdate(tablet, start)
  // The third atelier's tablet sends each of its edits to this device, as the relay would.
  tablet.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update))
  ateliers = readMeeting(doc).ateliers.map((atelier) => atelier.id)
  for (const atelierId of ateliers.slice(0, 2))
    transmitProposals(doc, atelierId, ['Un guichet unique', 'Des horaires du soir'])
  setScreen(doc, 'wall')
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  new MutationObserver((records) => (mutations += records.length)).observe(container, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  })
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  doc.destroy()
  tablet.destroy()
})

async function show(screen: ReactNode) {
  await act(async () =>
    root.render(
      <Profiler id="screen" onRender={() => (renders += 1)}>
        {screen}
      </Profiler>,
    ),
  )
  renders = 0
  mutations = 0
}

/** Notes typed in the third atelier: on its tablet (merged here), then on this device. */
async function typeNotes() {
  const { script } = readMeeting(doc)
  const key = noteKey(ateliers[2]!, script[0]!.id, script[0]!.questions[0]!.id)
  for (const [index, char] of [...'Trop de papiers'].entries())
    await act(async () =>
      editNote(index % 2 === 0 ? tablet : doc, key, { index, deleteCount: 0, insert: char }),
    )
}

const texts = (testId: string) =>
  Array.from(container.querySelectorAll(`[data-testid="${testId}"]`), (el) => el.textContent)

describe('what a screen re-renders while ateliers type their notes', () => {
  it('the wall renders nothing, then shows a transmission', async () => {
    await show(<ProjectionScreen doc={doc} />)
    expect(texts('wall-item')).toHaveLength(4)
    await typeNotes()
    expect({ renders, mutations }).toEqual({ renders: 0, mutations: 0 })

    await act(async () => transmitProposals(tablet, ateliers[2]!, ['Un numéro unique']))
    expect(renders).toBeGreaterThan(0)
    expect(texts('wall-item')).toContain('Un numéro unique')
  })

  it('the ranking renders nothing', async () => {
    setScreen(doc, 'ranking')
    await show(<ProjectionScreen doc={doc} />)
    expect(texts('ranking-row')).toHaveLength(4)
    await typeNotes()
    expect({ renders, mutations }).toEqual({ renders: 0, mutations: 0 })
  })

  it('the spotlight renders for its own debate note only', async () => {
    const itemId = readMeeting(doc).proposals[0]!.id
    openDebateNote(doc, itemId)
    setSpotlight(doc, { kind: 'item', id: itemId })
    await show(<ProjectionScreen doc={doc} />)
    await typeNotes()
    expect({ renders, mutations }).toEqual({ renders: 0, mutations: 0 })

    await act(async () => editNote(doc, debateNoteKey(itemId), diffText('', 'Accord général')))
    expect(renders).toBeGreaterThan(0)
    expect(texts('spotlight-notes')).toEqual(['DébatAccord général'])
  })

  it("the coordinator's plenary tab renders nothing", async () => {
    const session = { doc, readOnly: false } as MeetingSession
    await show(<PlenaryControl session={session} />)
    expect(container.querySelector('[data-testid="projection-preview"]')).not.toBeNull()
    await typeNotes()
    expect({ renders, mutations }).toEqual({ renders: 0, mutations: 0 })
  })
})
