// @vitest-environment happy-dom
/**
 * Whoever holds a write link can put any value anywhere in the meeting and committee documents.
 * This property writes random hostile values through raw Yjs into every root of both (wrong
 * types, deep nesting, huge strings and counts, prototype keys, ids colliding across kinds,
 * characters XML forbids), then checks that every reader returns, every screen renders without
 * a failing part, and every export is produced and reads back: the .docx unzipped and its XML
 * parsed, the CSVs split into rows, the Markdown free of HTML, the hand-over file decoded.
 */
import fc from 'fast-check'
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { checkProperty, PROPERTY_TEST_TIMEOUT } from '../../tests/helpers/property'
import { readCsv, readDocx } from '../../tests/helpers/exportsParse'
import { plenaryMeeting } from '../../tests/helpers/plenaryOps'
import { adjustAttendance } from '../doc/attendance'
import { readCommittee } from '../doc/committeeDoc'
import { readFollowUp, recordRetained } from '../doc/followUp'
import { groupProposals } from '../doc/grouping'
import { addIdeas } from '../doc/ideaCollect'
import { COMMITTEE_ROOT } from '../doc/committeeLayout'
import { readIdeaBank } from '../doc/ideaBank'
import { ROOT } from '../doc/layout'
import { cachedMeetingReader, readMeeting, type Meeting } from '../doc/meetingDoc'
import { PLENARY_SCREENS } from '../doc/plenary'
import { enterCount, readRetained, setRetained } from '../doc/votes'
import { AtelierScreen } from '../features/atelier/AtelierScreen'
import { decidimCsv, followUpCsv } from '../features/followUp/followUpCsv'
import { ProjectionScreen } from '../features/projection/ProjectionScreen'
import { proceedingsRestitution } from '../proceedings/proceedingsRestitution'
import { decodeHandover } from '../handover/handoverFile'
import { exportHandover } from '../handover/exportHandover'
import { keySchema, roomIdOf } from '../links/capability'
import { sealingKeyOf } from '../links/sealedKey'
import { buildProceedings } from '../proceedings/buildProceedings'
import { toDocx } from '../proceedings/toDocx'
import { toMarkdown } from '../proceedings/toMarkdown'
import type { MeetingSession, SyncStatus } from '../sync/meetingSession'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

// ── Hostile values ──────────────────────────────────────────────────────────────────────────

/** A value to write, some of them Yjs types made at write time (a type is used once). */
type Hostile = { plain: unknown } | { deepMap: number } | { text: string } | { emptyMap: true }

const prototypeKeys = ['__proto__', 'constructor', 'toString', 'valueOf', 'prototype']

/** Numbers no count, clock or position of the app reaches. */
const hostileNumber = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e308,
    -1e308,
    8.64e15 + 1,
    -1,
    2.5,
    10_001,
  ),
  fc.integer({ min: -3, max: 20 }),
  fc.integer(),
  fc.double(),
)

const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  { arbitrary: hostileNumber.map((plain) => ({ plain })), weight: 3 },
  {
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          Number.NaN,
          Number.POSITIVE_INFINITY,
          Number.NEGATIVE_INFINITY,
          1e308,
          -1e308,
          8.64e15 + 1,
          -1,
          2.5,
          10_001,
          '9999-99-99',
          '2026-02-30',
          '=HYPERLINK("http://x";A1)',
          '<img src=x onerror=alert(1)>',
          '# titre\n===\n- liste',
          'fin\uFFFE\uFFFF\u0000\uD800',
          'x'.repeat(25_000),
          null,
          true,
          [],
        ),
        fc.integer(),
        fc.double(),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...prototypeKeys),
        fc.jsonValue({ maxDepth: 4 }),
        fc.dictionary(
          fc.constantFrom('count', 'at', 'kind', 'id', 'text', ...prototypeKeys),
          fc.jsonValue({ maxDepth: 2 }),
        ),
      )
      .map((plain) => ({ plain })),
    weight: 3,
  },
  // Deep, but not so deep that Yjs's own garbage collection (recursive) overflows when the
  // value is overwritten: that is the relay's to refuse (issue #15). 8,000 deep is read in
  // untrusted.test.ts.
  fc.integer({ min: 1, max: 400 }).map((depth) => ({ deepMap: depth })),
  fc.string({ maxLength: 30 }).map((text) => ({ text })),
  fc.constant({ emptyMap: true as const }),
)

function materialise(value: Hostile): unknown {
  if ('plain' in value) return value.plain
  if ('text' in value) return new Y.Text(value.text)
  return new Y.Map()
}

/** Fills a freshly integrated map `depth` maps deep (integrated one level at a time). */
function deepen(map: Y.Map<unknown>, depth: number) {
  let current = map
  for (let level = 0; level < depth; level++) {
    const inner = new Y.Map<unknown>()
    current.set('text', inner)
    current = inner
  }
}

/**
 * Where to write: a root, and either a key of its own (possibly an existing entity's id, a key
 * shaped like the app's "a|b|c" keys, or a prototype name) or a field inside an existing entity.
 */
interface Write {
  root: string
  key: { pick: number } | { shaped: KeyPart[] } | { raw: string }
  field: string | null
  value: Hostile
}

type KeyPart = string | { entity: number }

/** An id in a key, weighted towards what breaks readers: a prototype name, a real entity's id. */
const idPart: fc.Arbitrary<KeyPart> = fc.oneof(
  { arbitrary: fc.constant('__proto__'), weight: 2 },
  { arbitrary: fc.constantFrom(...prototypeKeys), weight: 2 },
  { arbitrary: fc.nat({ max: 7 }).map((index) => ({ entity: index })), weight: 3 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
)
const word = (...words: string[]): fc.Arbitrary<KeyPart> =>
  fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 4 }, { arbitrary: idPart, weight: 1 })
const parts = (...arbitraries: Array<fc.Arbitrary<KeyPart>>) => fc.tuple(...arbitraries)

/** Keys shaped as each root's readers split them ("<atelierId>|<college>|<clientId>"…). */
const KEY_SHAPES: Record<string, fc.Arbitrary<KeyPart[]>> = {
  [ROOT.attendance]: parts(idPart, word('agent', 'usagerNew', 'elected'), idPart),
  [ROOT.votes]: parts(idPart, word('overall', 'usager', 'agent'), idPart),
  [COMMITTEE_ROOT.ideaVotes]: parts(idPart, word('usager', 'agent'), idPart),
  [ROOT.notes]: fc.oneof(parts(idPart, idPart, idPart), parts(word('debate'), idPart)),
  [COMMITTEE_ROOT.ideaSieve]: parts(idPart, word('angers-competence', 'angers-moyens')),
  [COMMITTEE_ROOT.ideaSieveNotes]: parts(idPart, word('angers-competence')),
  [COMMITTEE_ROOT.ideaAxes]: parts(word('angers-axe-1'), word('name', 'position', 'removedAt')),
  [COMMITTEE_ROOT.ideaCriteria]: parts(idPart, word('name', 'question', 'position')),
  followUpHistory: parts(idPart, idPart),
  [ROOT.meta]: parts(
    word('title', 'date', 'schemaVersion', 'registered', 'schedule', 'openingText'),
  ),
  [ROOT.plenary]: parts(word('screen', 'spotlight')),
  [ROOT.voteSettings]: parts(word('mode', 'weight.usager', 'weight.agent')),
  [ROOT.followUpDigest]: parts(word('entries')),
  committee: parts(word('name', 'schemaVersion')),
}

function writes(roots: readonly string[]): fc.Arbitrary<Write[]> {
  const write: fc.Arbitrary<Write> = fc.constantFrom(...roots).chain((root) =>
    fc.record({
      root: fc.constant(root),
      key: fc.oneof(
        { arbitrary: fc.nat().map((pick) => ({ pick })), weight: 1 },
        {
          arbitrary: (KEY_SHAPES[root] ?? parts(idPart)).map((shaped) => ({ shaped })),
          weight: 4,
        },
        { arbitrary: fc.string({ maxLength: 12 }).map((raw) => ({ raw })), weight: 1 },
      ),
      field: fc.option(
        fc.constantFrom(
          'text',
          'atelierId',
          'createdAt',
          'updatedAt',
          'position',
          'validated',
          'deletedAt',
          'removedAt',
          'transmittedAt',
          'timer',
          'questions',
          'steps',
          'date',
          'count',
          ...prototypeKeys,
        ),
      ),
      value: hostileValue,
    }),
  )
  return fc.array(write, { minLength: 1, maxLength: 12 })
}

/** Applies the writes as a hostile device would, each in its own transaction. */
function applyWrites(doc: Y.Doc, list: Write[], entityRoots: readonly string[]) {
  // Ids of existing entities, to write colliding keys ("<atelierId>|agent|1", a group's id…).
  const ids = entityRoots.flatMap((root) => Array.from(doc.getMap(root).keys()))
  for (const { root, key, field, value } of list) {
    const map = doc.getMap<unknown>(root)
    const existing = Array.from(map.keys())
    const name =
      'pick' in key
        ? (existing[key.pick % Math.max(1, existing.length)] ?? 'x')
        : 'shaped' in key
          ? key.shaped
              .map((part) =>
                typeof part === 'string'
                  ? part
                  : (ids[part.entity % Math.max(1, ids.length)] ?? 'x'),
              )
              .join('|')
          : key.raw
    const target = map.get(name)
    const into: Y.Map<unknown> = field !== null && target instanceof Y.Map ? target : map
    const written = materialise(value)
    try {
      doc.transact(() => into.set(into === map ? name : field!, written))
    } catch (error) {
      // Yjs's own API refuses some objects (an own "constructor" key); a stock client cannot
      // write them, and the readers' unit tests cover such objects arriving in an update.
      if (String(error).includes('Unexpected content type')) continue
      throw error
    }
    if ('deepMap' in value) doc.transact(() => deepen(written as Y.Map<unknown>, value.deepMap))
  }
}

// ── The documents under attack ──────────────────────────────────────────────────────────────

/** A meeting in full swing: two ateliers transmitted, a group, votes, a retained item. */
function meetingDoc() {
  const {
    doc,
    ateliers: { Logement: a },
    proposals: {
      Logement: [a1],
      Santé: [b1],
    },
  } = plenaryMeeting({
    Logement: ['Un guichet unique', 'Des permanences le samedi'],
    Santé: ['Un interlocuteur unique'],
  })
  const group = groupProposals(doc, [a1, b1], 'Un seul interlocuteur', 3000)
  enterCount(doc, group, 'overall', 'counterA', 12, 3000)
  setRetained(doc, group, true, 4000)
  adjustAttendance(doc, a!, 'agent', 1)
  return { doc, atelierId: a! }
}

function committeeDoc() {
  const doc = new Y.Doc()
  doc.transact(() => {
    doc.getMap('committee').set('schemaVersion', 1)
    doc.getMap('committee').set('name', 'Comité')
  })
  recordRetained(doc, [
    {
      meetingId: 'm1',
      meetingTitle: 'Décembre',
      meetingDate: '2026-12-03',
      itemId: 'item1',
      ateliers: ['Logement'],
      text: 'Un seul interlocuteur',
      retainedAt: 4000,
    },
  ])
  addIdeas(doc, ['Une idée', 'Une autre idée'], { kind: 'typed' }, 1000)
  return doc
}

const MEETING_ROOTS = Object.values(ROOT)
/** Roots whose keys are entity ids, to make keys that collide with real ones. */
const ENTITY_ROOTS = [ROOT.ateliers, ROOT.proposals, ROOT.groups, ROOT.script]
const COMMITTEE_ROOTS = Object.values(COMMITTEE_ROOT)

// ── Screens ─────────────────────────────────────────────────────────────────────────────────

const STATUS: SyncStatus = {
  loaded: true,
  unsavedChanges: 0,
  savedLocally: true,
  storageProblem: null,
  connection: 'synced',
  lastSyncedAt: 5000,
  pendingChanges: false,
  refusal: null,
}

/** What the screens use of a session, around a document that no relay or storage backs. */
const ROOM = roomIdOf(keySchema.parse('A'.repeat(43)))

function sessionOf(doc: Y.Doc, readOnly: boolean): MeetingSession {
  return {
    doc,
    roomId: ROOM,
    readOnly,
    subscribe: () => () => {},
    getStatus: () => STATUS,
  } as unknown as MeetingSession
}

/** Renders and returns what failed: parts that showed an error, and errors React reported. */
function renderScreen(node: React.ReactNode): string[] {
  const errors: string[] = []
  const spy = vi.spyOn(console, 'error').mockImplementation((...args) => {
    errors.push(args.map(String).join(' ').slice(0, 300))
  })
  const container = document.createElement('div')
  const root = createRoot(container)
  try {
    act(() => root.render(node))
    if (container.querySelector('[data-testid="error-boundary"]'))
      errors.push(container.querySelector('[data-testid="error-boundary"]')!.textContent ?? '')
  } finally {
    act(() => root.unmount())
    spy.mockRestore()
  }
  return errors
}

function renderMeetingScreens(doc: Y.Doc, atelierId: string, meeting: Meeting) {
  const failures: string[] = []
  for (const screen of PLENARY_SCREENS) {
    doc.transact(() => doc.getMap(ROOT.plenary).set('screen', screen))
    failures.push(...renderScreen(<ProjectionScreen doc={doc} />))
  }
  const atelier = meeting.ateliers[0]?.id ?? atelierId
  for (const role of ['facilitator', 'reporter'] as const)
    failures.push(
      ...renderScreen(
        <AtelierScreen session={sessionOf(doc, false)} atelierId={atelier} role={role} />,
      ),
    )
  return failures
}

// ── The property ────────────────────────────────────────────────────────────────────────────

beforeAll(() => {
  // Screens ask for the time; a fixed clock keeps runs reproducible.
  vi.useFakeTimers({ now: Date.UTC(2026, 11, 3, 19), toFake: ['Date'] })
})
afterAll(() => vi.useRealTimers())

describe('a hostile document', () => {
  it(
    'leaves every reader and text export of a meeting working',
    () =>
      checkProperty(
        fc.asyncProperty(writes(MEETING_ROOTS), async (list) => {
          const { doc } = meetingDoc()
          const cached = cachedMeetingReader(doc)
          cached()
          applyWrites(doc, list, ENTITY_ROOTS)
          const meeting = readMeeting(doc)
          expect(cached()).toEqual(meeting)
          expect(Object.keys(Object.prototype)).toEqual([])
          readRetained(doc)
          const markdown = toMarkdown(buildProceedings(meeting, proceedingsRestitution(meeting)))
          expect(markdown).not.toMatch(/<[a-z]/i)
          const file = await exportHandover(
            doc,
            { roomId: ROOM, atelierId: null, createdAt: 5000 },
            meeting.title,
          )
          expect((await decodeHandover(file, ROOM)).ok).toBe(true)
        }),
        300,
      ),
    PROPERTY_TEST_TIMEOUT,
  )

  it(
    'leaves every screen and the Word actes of a meeting working',
    () =>
      checkProperty(
        fc.asyncProperty(writes(MEETING_ROOTS), async (list) => {
          const { doc, atelierId } = meetingDoc()
          applyWrites(doc, list, ENTITY_ROOTS)
          const meeting = readMeeting(doc)
          await readDocx(await toDocx(buildProceedings(meeting, proceedingsRestitution(meeting))))
          expect(renderMeetingScreens(doc, atelierId, meeting)).toEqual([])
          expect(Object.keys(Object.prototype)).toEqual([])
        }),
        20,
      ),
    PROPERTY_TEST_TIMEOUT,
  )

  it(
    'leaves every reader and export of a committee working',
    () =>
      checkProperty(
        fc.property(writes(COMMITTEE_ROOTS), (list) => {
          const doc = committeeDoc()
          applyWrites(doc, list, [
            COMMITTEE_ROOT.followUp,
            COMMITTEE_ROOT.ideas,
            COMMITTEE_ROOT.ideaGroups,
          ])
          readCommittee(doc, sealingKeyOf(keySchema.parse('A'.repeat(43))))
          readIdeaBank(doc)
          const entries = readFollowUp(doc)
          expect(readCsv(followUpCsv(entries))).toHaveLength(entries.length + 1)
          expect(readCsv(decidimCsv(entries))).toHaveLength(entries.length + 1)
          expect(Object.keys(Object.prototype)).toEqual([])
        }),
        200,
      ),
    PROPERTY_TEST_TIMEOUT,
  )
})
