/**
 * Meetings made with the app's own mutations (`src/doc`), as devices make them on the evening:
 * the coordinator creates the meeting, then each atelier's two tablets (rapporteur, animateur)
 * start from it and edit in turn — proposals added and reworded, notes typed one keystroke per
 * transaction with a backspace now and then, 2–3 proposals validated, the atelier transmitted.
 * Each transaction is one edit, and every device has its own Yjs client id, so the document
 * carries the history (tombstones, many clients) an evening leaves, not just its final text.
 */
import * as Y from 'yjs'
import { createMeeting } from '../src/doc/meetingDoc'
import { transmit } from '../src/doc/ateliers'
import { notesOf } from '../src/doc/layout'
import { editNote } from '../src/doc/notes'
import { addProposal, editProposal, setValidated } from '../src/doc/proposals'

export interface MeetingFixture {
  /** The whole meeting, as one update (what a device or the relay holds). */
  update: Uint8Array
  /** Every edit's own update, in the order they were made. */
  history: Uint8Array[]
  ateliers: number
  proposals: number
  edits: number
}

const LETTERS = 'Les usagers proposent une permanence le samedi matin au CCAS, avec un accueil. '

/** One device: a Y.Doc that records the update of each of its own transactions. */
function device(base: Uint8Array, history: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, base)
  doc.on('update', (update: Uint8Array) => history.push(update))
  return doc
}

/** Types `count` keystrokes at the end of `key`, every tenth one a backspace. */
function* typing(doc: Y.Doc, key: string, count: number): Generator<void> {
  for (let i = 0; i < count; i++) {
    const text = notesOf(doc).get(key)!
    if (i % 10 === 9) editNote(doc, key, { index: text.length - 1, deleteCount: 1, insert: '' })
    else
      editNote(doc, key, {
        index: text.length,
        deleteCount: 0,
        insert: LETTERS[i % LETTERS.length]!,
      })
    yield
  }
}

/**
 * A meeting of `ateliers` × `proposalsPerAtelier` proposals reached in `edits` edits. Edits of
 * the 2 × `ateliers` tablets are interleaved round-robin, as concurrent work would be.
 */
export function buildMeeting(
  ateliers: number,
  proposalsPerAtelier: number,
  edits: number,
): MeetingFixture {
  const history: Uint8Array[] = []
  const coordinator = new Y.Doc()
  coordinator.on('update', (update: Uint8Array) => history.push(update))
  const names = Array.from({ length: ateliers }, (_, i) => `Atelier ${i + 1}`)
  const atelierIds = createMeeting(
    coordinator,
    { title: 'Comité des usagers', date: '2026-12-03', atelierNames: names },
    1_764_000_000_000,
  )
  const base = Y.encodeStateAsUpdate(coordinator)

  // Fixed edits per atelier: proposals added, reworded, 3 validated, transmitted.
  const fixedPerAtelier = proposalsPerAtelier * 2 + 3 + 1
  const keystrokes = edits - 1 - ateliers * fixedPerAtelier
  if (keystrokes < 0) throw new Error('too few edits for that many proposals')
  const tablets: Array<Generator<void>> = []
  atelierIds.forEach((atelierId, a) => {
    const notes = [...notesOf(coordinator).keys()].filter((key) => key.startsWith(`${atelierId}|`))
    const perTablet = (k: number) =>
      Math.floor(keystrokes / (ateliers * 2)) + (a * 2 + k < keystrokes % (ateliers * 2) ? 1 : 0)
    const reporter = device(base, history)
    const facilitator = device(base, history)
    tablets.push(
      (function* () {
        const ids: string[] = []
        const typed = typing(reporter, notes[0]!, perTablet(0))
        const between = Math.floor(perTablet(0) / proposalsPerAtelier)
        for (let p = 0; p < proposalsPerAtelier; p++) {
          ids.push(
            addProposal(
              reporter,
              {
                atelierId,
                text: `Proposition ${p + 1} de l’atelier ${a + 1}`,
                authorRole: 'reporter',
              },
              1_764_000_000_000 + p,
            ),
          )
          yield
          for (let k = 0; k < between && !typed.next().done; k++) yield
        }
        while (!typed.next().done) yield
        for (const [p, id] of ids.entries()) {
          editProposal(
            reporter,
            id,
            `Proposition ${p + 1} de l’atelier ${a + 1} : une permanence d’accueil le samedi`,
          )
          yield
        }
        for (const id of ids.slice(0, 3)) {
          setValidated(reporter, id, true)
          yield
        }
        transmit(reporter, atelierId)
        yield
      })(),
      typing(facilitator, notes[1] ?? notes[0]!, perTablet(1)),
    )
  })
  let active = tablets
  while (active.length > 0) active = active.filter((tablet) => !tablet.next().done)

  const meeting = new Y.Doc()
  Y.transact(meeting, () => {
    for (const update of history) Y.applyUpdate(meeting, update)
  })
  return {
    update: Y.encodeStateAsUpdate(meeting),
    history,
    ateliers,
    proposals: ateliers * proposalsPerAtelier,
    edits: history.length,
  }
}

/**
 * `count` edits made on one tablet of `doc`'s first atelier, offline: typing in its notes, with a
 * proposal added every 125 edits. The edits stay in `doc`.
 */
export function typeOffline(doc: Y.Doc, count: number): void {
  const atelierId = [...doc.getMap('ateliers').keys()][0]!
  const key = [...notesOf(doc).keys()].find((k) => k.startsWith(`${atelierId}|`))!
  const keystrokes = typing(doc, key, count)
  for (let made = 0; made < count; made++) {
    if (made % 125 === 124)
      addProposal(doc, {
        atelierId,
        text: `Proposition hors ligne ${made}`,
        authorRole: 'reporter',
      })
    else keystrokes.next()
  }
}
