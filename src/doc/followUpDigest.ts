/**
 * What became of earlier proposals, as shown at this meeting's opening plenary. The tableau de
 * suivi lives in the committee document, which the projector (a read-only meeting link) cannot
 * open; so the coordinator's device copies a short digest into the meeting document:
 *
 *   followUpDigest  Y.Map  "entries" → Array<{ text, meetingTitle, status, since }>
 *
 * One value, replaced whole by the coordinator's device when the table changes.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { FOLLOW_UP_STATUSES, type FollowUpEntry } from './followUp'
import { TITLE_MAX } from './details'
import { followUpDigestOf } from './layout'
import { origins } from './origins'
import { PROPOSAL_MAX } from './proposals'
import { timestampSchema } from './untrusted'

/** More earlier proposals than a committee retains in years. */
const DIGEST_MAX = 500

export const digestEntrySchema = z.object({
  text: z.string().max(PROPOSAL_MAX),
  meetingTitle: z.string().max(TITLE_MAX),
  status: z.enum(FOLLOW_UP_STATUSES),
  /** When it reached its status (ms). */
  since: timestampSchema,
})
export type DigestEntry = z.infer<typeof digestEntrySchema>

export function readDigest(doc: Y.Doc): DigestEntry[] {
  const parsed = z
    .array(digestEntrySchema)
    .max(DIGEST_MAX)
    .safeParse(followUpDigestOf(doc).get('entries'))
  return parsed.success ? parsed.data : []
}

/** The digest of the table for a meeting: every earlier meeting's proposals, not its own. */
export function digestFor(meetingId: string, entries: FollowUpEntry[]): DigestEntry[] {
  return entries
    .filter((entry) => entry.meetingId !== meetingId)
    .map((entry) => ({
      text: entry.text,
      meetingTitle: entry.meetingTitle,
      status: entry.status,
      since: entry.history.at(-1)?.at ?? entry.retainedAt,
    }))
}

/** Writes the digest if it changed; returns whether it did. */
export function publishDigest(doc: Y.Doc, digest: DigestEntry[]): boolean {
  if (JSON.stringify(readDigest(doc)) === JSON.stringify(digest)) return false
  doc.transact(() => followUpDigestOf(doc).set('entries', digest), origins.local)
  return true
}
