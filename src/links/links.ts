/**
 * Join links. Everything secret lives in the URL fragment (after `#`), which browsers never
 * send to a server, so neither the relay nor any proxy sees a key in a request or a log.
 *
 *   <origin>/#/rencontre/<writeKey>               coordinator: the whole meeting, editable
 *   <origin>/#/atelier/<readKey>.<atelierKey>/<atelierId>[/animateur|/rapporteur]
 *                                                  an atelier tablet, opened on that role's view:
 *                                                  reads the meeting, writes its atelier only
 *   <origin>/#/atelier/<writeKey>/<atelierId>[/…]  the same, as links were made before atelier
 *                                                  keys: still the whole meeting, editable
 *   <origin>/#/projection/<readKey>                the projector: read only
 *   <origin>/#/comite/<writeKey>                   the committee: meetings, templates, follow-up
 */
import { z } from 'zod'
import {
  atelierCapability,
  atelierKeyOf,
  capabilityFromKey,
  readKeyOf,
  keySchema,
  type Capability,
  type CapabilityKey,
} from './capability'

export const atelierIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'atelier mal formé')
  .brand<'AtelierId'>()
export type AtelierId = z.infer<typeof atelierIdSchema>

export const meetingLinkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meeting'), writeKey: keySchema }),
  z.object({
    kind: z.literal('atelier'),
    /** An atelier key (and the read key), or, in links made before atelier keys, the write key. */
    key: z.union([
      z.object({ readKey: keySchema, atelierKey: keySchema }),
      z.object({ writeKey: keySchema }),
    ]),
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
      return `#/${SEGMENT_OF_KIND.atelier}/${atelierKeySegment(link.key)}/${link.atelierId}${role}`
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

/** The relay's authority as the install page offers it: an iPad profile, an Android certificate. */
export const AUTHORITY_FILES = {
  profile: '/tandem.mobileconfig',
  certificate: '/tandem-ca.crt',
} as const

type AtelierLinkKey = Extract<MeetingLink, { kind: 'atelier' }>['key']

/** `<readKey>.<atelierKey>`: keys are base64url, so the dot cannot be part of one. */
const ATELIER_KEY_SEPARATOR = '.'

function atelierKeySegment(key: AtelierLinkKey): string {
  return 'writeKey' in key
    ? key.writeKey
    : `${key.readKey}${ATELIER_KEY_SEPARATOR}${key.atelierKey}`
}

function parseAtelierKeySegment(segment: string): unknown {
  const parts = segment.split(ATELIER_KEY_SEPARATOR)
  if (parts.length === 1) return { writeKey: parts[0] }
  if (parts.length === 2) return { readKey: parts[0], atelierKey: parts[1] }
  return null
}

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
    const key = parseAtelierKeySegment(rest[0]!)
    candidate = { kind: 'atelier', key, atelierId: rest[1], role }
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

/** The link of an atelier's tablet: its atelier key and the read key, not the write key. */
export function atelierLink(
  writeKey: CapabilityKey,
  atelierId: AtelierId,
  role?: 'facilitator' | 'reporter',
): MeetingLink {
  const key = { readKey: readKeyOf(writeKey), atelierKey: atelierKeyOf(writeKey, atelierId) }
  return { kind: 'atelier', key, atelierId, ...(role ? { role } : {}) }
}

/** What a meeting link lets this device do (the committee link: its own document). */
export function capabilityOfLink(link: MeetingLink): Capability {
  switch (link.kind) {
    case 'projection':
      return capabilityFromKey(link.readKey, 'read')
    case 'atelier':
      return 'writeKey' in link.key
        ? capabilityFromKey(link.key.writeKey, 'write')
        : atelierCapability(link.key.readKey, link.atelierId, link.key.atelierKey)
    default:
      return capabilityFromKey(link.writeKey, 'write')
  }
}

/** The one key that names a link (the screens are keyed by it). */
export function keyOfLink(link: MeetingLink): CapabilityKey {
  if (link.kind === 'projection') return link.readKey
  if (link.kind !== 'atelier') return link.writeKey
  return 'writeKey' in link.key ? link.key.writeKey : link.key.atelierKey
}
