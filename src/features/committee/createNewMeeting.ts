import { createCommittee, registerMeeting } from '../../doc/committeeDoc'
import { createMeeting, readMeeting, type NewMeeting } from '../../doc/meetingDoc'
import { toDrafts, type StepDraft } from '../../doc/script'
import { currentCommittee, rememberMeeting } from '../../device/deviceDb'
import {
  atelierKeyChecks,
  capabilityFromKey,
  newWriteKey,
  type CapabilityKey,
} from '../../links/capability'
import { ensureKeyChecks } from '../../doc/ateliers'
import { formatLinkFragment, parseLink } from '../../links/links'
import { sealingKeyOf } from '../../links/sealedKey'
import { withDocument } from '../../sync/withDocument'

export const DEFAULT_COMMITTEE_NAME = 'Comité des usagers'

/** The write key of this device's committee, creating one on first use. */
export async function committeeKey(): Promise<CapabilityKey> {
  const known = await currentCommittee()
  const parsed = known ? parseLink(known.fragment) : null
  if (parsed?.ok && parsed.link.kind === 'committee') return parsed.link.writeKey
  const writeKey = newWriteKey()
  await withDocument(writeKey, (session) => createCommittee(session.doc, DEFAULT_COMMITTEE_NAME))
  await rememberMeeting({
    fragment: formatLinkFragment({ kind: 'committee', writeKey }),
    roomId: capabilityFromKey(writeKey, 'write').roomId,
    kind: 'committee',
    title: DEFAULT_COMMITTEE_NAME,
    lastOpenedAt: Date.now(),
  })
  return writeKey
}

export type TrameSource =
  { kind: 'template'; steps: StepDraft[] } | { kind: 'copy'; writeKey: CapabilityKey }

/**
 * Creates a meeting on this device (no network needed) in this device's committee, from a
 * template or as a copy of an earlier meeting (its trame and ateliers, none of its content).
 * Returns the fragment of the coordinator link.
 */
export async function createNewMeeting(input: NewMeeting, source: TrameSource): Promise<string> {
  let steps: StepDraft[]
  let atelierNames = input.atelierNames
  if (source.kind === 'copy') {
    const earlier = await withDocument(source.writeKey, (session) => readMeeting(session.doc))
    steps = toDrafts(earlier.script)
    if (earlier.ateliers.length > 0) atelierNames = earlier.ateliers.map((atelier) => atelier.name)
  } else {
    steps = source.steps
  }
  const writeKey = newWriteKey()
  const roomId = capabilityFromKey(writeKey, 'write').roomId
  // With its ateliers' key checks, so their tablets can write as soon as the relay has it.
  await withDocument(writeKey, (session) => {
    createMeeting(session.doc, { ...input, atelierNames }, Date.now(), steps)
    ensureKeyChecks(session.doc, atelierKeyChecks(writeKey))
  })
  const committee = await committeeKey()
  await withDocument(committee, (session) =>
    registerMeeting(
      session.doc,
      { id: roomId, title: input.title, date: input.date, writeKey, createdAt: Date.now() },
      sealingKeyOf(committee),
    ),
  )
  return formatLinkFragment({ kind: 'meeting', writeKey })
}
