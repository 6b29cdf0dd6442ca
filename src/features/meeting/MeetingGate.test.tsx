// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { act, Profiler } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newMeetingUpdate, transmitProposals } from '../../../tests/helpers/meetingOps'
import { silentWebSocket } from '../../../tests/helpers/silentSocket'
import { notesOf } from '../../doc/layout'
import { readMeeting } from '../../doc/meetingDoc'
import { editNote } from '../../doc/notes'
import { setScreen } from '../../doc/plenary'
import { capabilityFromKey, newWriteKey, readKeyOf } from '../../links/capability'
import { atelierIdSchema } from '../../links/links'
import { MeetingSession } from '../../sync/meetingSession'
import { AtelierScreen } from '../atelier/AtelierScreen'
import { ProjectionScreen } from '../projection/ProjectionScreen'
import { OpenMeeting, type MeetingScreenLink } from './MeetingGate'

/**
 * A screen re-renders only for what it shows, and the sync status is not part of it. Every
 * update this device receives is saved in its IndexedDB, which changes the status twice
 * ("enregistrement…", then "enregistré"): the gate that reads the status must not re-render the
 * projector or the atelier tablet for that. The session is the app's own, on fake-indexeddb; its
 * socket never opens, so the only status changes are the saves (and the remembered sync time).
 */
declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

const writeKey = newWriteKey()
let session: MeetingSession
let tablet: Y.Doc
let container: HTMLElement
let root: Root
let renders: number
let statusChanges: number
let ateliers: string[]

beforeEach(async () => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  session = new MeetingSession(capabilityFromKey(writeKey, 'write'), {
    relayUrl: 'ws://127.0.0.1:9/sync',
    WebSocketImpl: silentWebSocket,
    events: new EventTarget(),
  })
  await session.whenLoaded()
  const start = newMeetingUpdate(['Santé', 'Logement', 'Mobilité'])
  Y.applyUpdate(session.doc, start)
  ateliers = readMeeting(session.doc).ateliers.map((atelier) => atelier.id)
  for (const atelierId of ateliers.slice(0, 2))
    transmitProposals(session.doc, atelierId, ['Un guichet unique'])
  setScreen(session.doc, 'wall')
  await session.whenSaved()
  session.restoreLastSync(Date.now() - 60_000)
  // Another atelier's tablet: each of its edits reaches this device, as the relay sends it.
  tablet = new Y.Doc()
  Y.applyUpdate(tablet, Y.encodeStateAsUpdate(session.doc))
  tablet.on('update', (update: Uint8Array) => Y.applyUpdate(session.doc, update, 'relay'))
  session.subscribe(() => (statusChanges += 1))
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})

afterEach(async () => {
  act(() => root.unmount())
  container.remove()
  tablet.destroy()
  await session.destroy()
})

async function show(link: MeetingScreenLink, screen: (session: MeetingSession) => React.ReactNode) {
  await act(async () =>
    root.render(
      <OpenMeeting
        link={link}
        session={session}
        render={(open) => (
          <Profiler id="screen" onRender={() => (renders += 1)}>
            {screen(open)}
          </Profiler>
        )}
      />,
    ),
  )
  renders = 0
  statusChanges = 0
}

/** The third atelier types in its notes on its own tablet; each keystroke is saved here. */
async function typeNotesElsewhere() {
  const key = [...notesOf(tablet).keys()].find((k) => k.startsWith(`${ateliers[2]}|`))!
  for (const [index, char] of [...'Trop de papiers'].entries())
    await act(async () => {
      editNote(tablet, key, { index, deleteCount: 0, insert: char })
      await session.whenSaved()
    })
}

describe('what the meeting gate re-renders while the sync status changes', () => {
  it('leaves the projector alone while updates are received and saved', async () => {
    const readKey = readKeyOf(writeKey)
    await show({ kind: 'projection', readKey }, (open) => <ProjectionScreen doc={open.doc} />)
    expect(container.querySelectorAll('[data-testid="wall-item"]')).toHaveLength(2)
    await typeNotesElsewhere()
    expect(statusChanges).toBeGreaterThan(2)
    expect(renders).toBe(0)

    // What the wall shows does reach it.
    await act(async () => {
      transmitProposals(tablet, ateliers[2]!, ['Un numéro unique'])
      await session.whenSaved()
    })
    expect(renders).toBeGreaterThan(0)
    expect(container.querySelectorAll('[data-testid="wall-item"]')).toHaveLength(3)
  })

  it("leaves the atelier tablet alone while another atelier's notes are received and saved", async () => {
    const atelierId = atelierIdSchema.parse(ateliers[0])
    await show({ kind: 'atelier', key: { writeKey }, atelierId, role: 'reporter' }, (open) => (
      <AtelierScreen session={open} atelierId={atelierId} role="reporter" />
    ))
    expect(container.querySelector('[data-testid="atelier-name"]')?.textContent).toBe('Santé')
    await typeNotesElsewhere()
    expect(statusChanges).toBeGreaterThan(2)
    expect(renders).toBe(0)
  })
})
