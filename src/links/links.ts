/**
 * Join links. Everything secret lives in the URL fragment (after `#`), which browsers never
 * send to a server, so neither the relay nor any proxy sees a key in a request or a log.
 *
 *   <origin>/#/rencontre/<writeKey>               coordinator: the whole meeting, editable
 *   <origin>/#/atelier/<writeKey>/<atelierId>[/animateur|/rapporteur]
 *                                                  an atelier tablet, opened on that role's view
 *   <origin>/#/projection/<readKey>                the projector: read only
 *   <origin>/#/comite/<writeKey>                   the committee: meetings, templates, follow-up
 */
import { z } from 'zod'
import { keySchema, type CapabilityKey } from './capability'

export const atelierIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'atelier mal formé')
  .brand<'AtelierId'>()
export type AtelierId = z.infer<typeof atelierIdSchema>

export const meetingLinkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meeting'), writeKey: keySchema }),
  z.object({
    kind: z.literal('atelier'),
    writeKey: keySchema,
    atelierId: atelierIdSchema,
    role: z.enum(['facilitator', 'reporter']).optional(),
  }),
  z.object({ kind: z.literal('projection'), readKey: keySchema }),
  z.object({ kind: z.literal('committee'), writeKey: keySchema }),
])
export type MeetingLink = z.infer<typeof meetingLinkSchema>

const SEGMENT_OF_ROLE = { facilitator: 'animateur', reporter: 'rapporteur' } as const

const SEGMENT_OF_KIND = {
  meeting: 'rencontre',
  atelier: 'atelier',
  projection: 'projection',
  committee: 'comite',
} as const

export function formatLinkFragment(link: MeetingLink): string {
  switch (link.kind) {
    case 'meeting':
      return `#/${SEGMENT_OF_KIND.meeting}/${link.writeKey}`
    case 'atelier': {
      const role = link.role ? `/${SEGMENT_OF_ROLE[link.role]}` : ''
      return `#/${SEGMENT_OF_KIND.atelier}/${link.writeKey}/${link.atelierId}${role}`
    }
    case 'projection':
      return `#/${SEGMENT_OF_KIND.projection}/${link.readKey}`
    case 'committee':
      return `#/${SEGMENT_OF_KIND.committee}/${link.writeKey}`
  }
}

/**
 * The page that installs the relay's authority on a tablet (`features/install`). Not a meeting
 * link: it holds no key, and the relay serves it over plain HTTP too.
 */
export const INSTALL_FRAGMENT = '#/installer'

export function formatLink(origin: string, link: MeetingLink): string {
  return `${origin}/${formatLinkFragment(link)}`
}

export type LinkParseResult =
  { ok: true; link: MeetingLink } | { ok: false; reason: 'not-a-link' | 'invalid' }

/**
 * Reads a link or just its fragment. `not-a-link` means the fragment names no meeting (the home
 * screen); `invalid` means it tries to and is malformed — the app says "Lien invalide".
 */
export function parseLink(input: string): LinkParseResult {
  const hashAt = input.indexOf('#')
  const fragment = hashAt >= 0 ? input.slice(hashAt + 1) : ''
  const [empty, segment, ...rest] = fragment.split('/')
  if (empty !== '' || segment === undefined) return { ok: false, reason: 'not-a-link' }
  let candidate: unknown
  if (segment === SEGMENT_OF_KIND.meeting && rest.length === 1) {
    candidate = { kind: 'meeting', writeKey: rest[0] }
  } else if (segment === SEGMENT_OF_KIND.atelier && (rest.length === 2 || rest.length === 3)) {
    const role = Object.entries(SEGMENT_OF_ROLE).find(([, name]) => name === rest[2])?.[0]
    if (rest.length === 3 && !role) return { ok: false, reason: 'invalid' }
    candidate = { kind: 'atelier', writeKey: rest[0], atelierId: rest[1], role }
  } else if (segment === SEGMENT_OF_KIND.projection && rest.length === 1) {
    candidate = { kind: 'projection', readKey: rest[0] }
  } else if (segment === SEGMENT_OF_KIND.committee && rest.length === 1) {
    candidate = { kind: 'committee', writeKey: rest[0] }
  } else if (Object.values(SEGMENT_OF_KIND).includes(segment as never)) {
    return { ok: false, reason: 'invalid' }
  } else {
    return { ok: false, reason: 'not-a-link' }
  }
  const parsed = meetingLinkSchema.safeParse(candidate)
  return parsed.success ? { ok: true, link: parsed.data } : { ok: false, reason: 'invalid' }
}

export function keyOfLink(link: MeetingLink): CapabilityKey {
  return link.kind === 'projection' ? link.readKey : link.writeKey
}
