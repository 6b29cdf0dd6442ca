/**
 * The meeting document: one Yjs document per meeting, shared by every device that holds one of
 * its keys (see `src/links/capability.ts`). Its layout is in `layout.ts`; each kind of entity
 * has its own module (script, ateliers, proposals, notes, attendance) with its schema, reader
 * and mutations. This module creates meetings, migrates old ones, and reads the whole meeting as
 * one plain, validated snapshot — the only form in which components see it.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { ATELIER_NAME_MAX, readAteliers, writeAtelier, type Atelier } from './ateliers'
import { readAttendance, type Attendance } from './attendance'
import { readDevices, type DevicePresence } from './devices'
import { readDigest, type DigestEntry } from './followUpDigest'
import { readGrouping, type Grouping } from './grouping'
import { metaOf, ROOT } from './layout'
import { followedNotes, readNotes } from './notes'
import { origins } from './origins'
import { readPlenary, type PlenaryState } from './plenary'
import { readProposals, type Proposal } from './proposals'
import { readScript, STANDARD_SCRIPT, writeScript, type Step, type StepDraft } from './script'
import { isoDateSchema } from './untrusted'
import { readVotes, type Votes } from './votes'
import {
  DEFAULT_OPENING_TEXT,
  DEFAULT_SCHEDULE,
  readDetails,
  TITLE_MAX,
  writeDetails,
  type MeetingDetails,
} from './details'

/** Bumped when the layout changes; `migrateMeeting` brings older documents up to date. */
export const SCHEMA_VERSION = 1

/** A plain, immutable view of a meeting document. Shared data: every device sees the same. */
export interface Meeting extends MeetingDetails {
  schemaVersion: number
  script: Step[]
  /** The ateliers of the evening, in order. */
  ateliers: Atelier[]
  /** Ateliers the coordinator removed; restorable with all they hold. */
  removedAteliers: Atelier[]
  /** All proposals, bin included, in list order. */
  proposals: Proposal[]
  /** Note texts by `noteKey(atelierId, stepId, questionId)`, debate notes by `debateNoteKey`. */
  notes: Record<string, string>
  /** Attendance counts by atelier id. */
  attendance: Record<string, Attendance>
  /** Devices that joined, most recently synced first. */
  devices: DevicePresence[]
  /** What became of earlier meetings' proposals, for the opening plenary. */
  followUpDigest: DigestEntry[]
  /** What the projector shows in plenary (screen, spotlight). */
  plenary: PlenaryState
  /** Groups of similar proposals and who is in which. */
  grouping: Grouping
  /** Show-of-hands counts, how they are weighed, and what the plenary retained. */
  votes: Votes
}

/** True once the document holds a meeting (it may still be loading from disk or the relay). */
export function hasMeeting(doc: Y.Doc): boolean {
  return typeof metaOf(doc).get('schemaVersion') === 'number'
}

export function readMeeting(doc: Y.Doc): Meeting {
  return assemble(
    Object.fromEntries(PART_NAMES.map((name) => [name, PARTS[name].read(doc)])) as Parts,
  )
}

/**
 * Each part of the snapshot with the root types it reads (names from `layout.ts`). The cached
 * reader below re-reads a part only when one of its roots changed, so a keystroke in a note does
 * not re-validate every proposal of the evening.
 */
const PARTS = {
  meta: {
    roots: [ROOT.meta],
    read: (doc: Y.Doc) => {
      const version = metaOf(doc).get('schemaVersion')
      return { schemaVersion: typeof version === 'number' ? version : 0, ...readDetails(doc) }
    },
  },
  script: { roots: [ROOT.script], read: readScript },
  ateliers: { roots: [ROOT.ateliers], read: (doc: Y.Doc) => splitAteliers(readAteliers(doc)) },
  proposals: { roots: [ROOT.proposals], read: readProposals },
  notes: { roots: [ROOT.notes], read: readNotes },
  attendance: { roots: [ROOT.attendance], read: readAttendance },
  devices: { roots: [ROOT.devices], read: readDevices },
  followUpDigest: { roots: [ROOT.followUpDigest], read: readDigest },
  plenary: { roots: [ROOT.plenary], read: readPlenary },
  grouping: { roots: [ROOT.groups, ROOT.groupMembers], read: readGrouping },
  votes: { roots: [ROOT.votes, ROOT.voteSettings, ROOT.retained], read: readVotes },
} as const
type Parts = { [K in keyof typeof PARTS]: ReturnType<(typeof PARTS)[K]['read']> }
const PART_NAMES = Object.keys(PARTS) as Array<keyof typeof PARTS>

function splitAteliers(all: Atelier[]) {
  return {
    ateliers: all.filter((atelier) => atelier.removedAt === null),
    removedAteliers: all.filter((atelier) => atelier.removedAt !== null),
  }
}

function assemble(parts: Parts): Meeting {
  const { meta, ateliers, ...rest } = parts
  return { ...meta, ...ateliers, ...rest }
}

const readers = new WeakMap<Y.Doc, () => Meeting>()

/**
 * `readMeeting` for a document that stays open: the same result, but each part is re-read only
 * after a change under its roots. Unchanged parts keep their identity between snapshots (so do
 * the fields of `meta`, spread into the meeting), and when no part changed the meeting itself
 * is the same object: a screen that selects some parts (`useMeetingPart`) re-renders only when
 * one of them changes, never for a keystroke in a note it does not show.
 */
export function cachedMeetingReader(doc: Y.Doc): () => Meeting {
  let reader = readers.get(doc)
  if (reader) return reader
  const parts: Partial<Parts> = {}
  let meeting: Meeting | null = null
  // Notes change at every keystroke: only the one typed in is read again.
  const readNotesNow = followedNotes(doc)
  for (const name of PART_NAMES)
    for (const root of PARTS[name].roots)
      doc.getMap(root).observeDeep(() => {
        delete parts[name]
        meeting = null
      })
  reader = () => {
    if (meeting) return meeting
    for (const name of PART_NAMES)
      if (!(name in parts))
        (parts as Record<string, unknown>)[name] =
          name === 'notes' ? readNotesNow() : PARTS[name].read(doc)
    meeting = assemble(parts as Parts)
    return meeting
  }
  readers.set(doc, reader)
  return reader
}

/** Brings a document written by an older version of the app up to `SCHEMA_VERSION`. */
export function migrateMeeting(doc: Y.Doc): void {
  const version = metaOf(doc).get('schemaVersion')
  if (typeof version !== 'number' || version >= SCHEMA_VERSION) return
  // Version 1 is the first layout: nothing to migrate yet. Future steps go here, in order.
  doc.transact(() => metaOf(doc).set('schemaVersion', SCHEMA_VERSION), origins.local)
}

export const newMeetingSchema = z.object({
  title: z.string().trim().min(1).max(TITLE_MAX),
  date: isoDateSchema,
  atelierNames: z.array(z.string().trim().min(1).max(ATELIER_NAME_MAX)).min(1).max(30),
  theme: z.string().trim().max(200).optional(),
  place: z.string().trim().max(200).optional(),
})
export type NewMeeting = z.input<typeof newMeetingSchema>

/** Fills an empty document with a new meeting. Returns the ids of its ateliers, in order. */
export function createMeeting(
  doc: Y.Doc,
  input: NewMeeting,
  now = Date.now(),
  script: StepDraft[] = STANDARD_SCRIPT,
): string[] {
  const valid = newMeetingSchema.parse(input)
  let ids: string[] = []
  doc.transact(() => {
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION)
    metaOf(doc).set('createdAt', now)
    writeDetails(doc, {
      title: valid.title,
      date: valid.date,
      theme: valid.theme ?? '',
      place: valid.place ?? '',
      schedule: DEFAULT_SCHEDULE,
      openingText: DEFAULT_OPENING_TEXT,
    })
    const steps = writeScript(doc, script)
    ids = valid.atelierNames.map((name, position) => writeAtelier(doc, name, position, steps))
  }, origins.local)
  return ids
}
