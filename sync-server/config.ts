/**
 * The relay's configuration, read from the environment once at start-up. `parseConfig` is pure
 * (no file access, no cwd): `main.ts` turns a failure into one error line and exit code 1.
 *
 * Every limit has a default sized for one CCAS evening on a laptop — about ten ateliers, two
 * tablets each, a coordinator and a projector — with a wide margin, so nobody needs to set any.
 * A client that crosses a limit is disconnected with a close code saying which (docs/protocol.md,
 * section 3); the others carry on.
 */
import { z } from 'zod'
import { RELAY_DEFAULT_LIMITS } from '../src/sync/protocol'

export interface Config {
  port: number
  host: string
  /** Room logs live in `<dataDir>/rooms/`. Relative paths are taken from the working directory. */
  dataDir: string
  /** The Vite build (`dist/`) served to the tablets. */
  staticDir: string
  /**
   * How the relay serves HTTPS (and WSS), which tablets need for the app to open offline:
   * certificates it makes itself (the default on the local network, `tls/`), the files of
   * `TLS_CERT`/`TLS_KEY`, or not at all (`null`: listening on loopback only, or `HTTPS=off`).
   * With HTTPS, plain HTTP stays on `port` for this laptop's own browser (localhost is a secure
   * context) and for the tablets' install page.
   */
  tls: { kind: 'selfMade' } | { kind: 'files'; certFile: string; keyFile: string } | null
  /** The HTTPS port, when `tls` is set. */
  httpsPort: number
  /** More names the relay answers to (behind a reverse proxy, a DNS name of the CCAS). */
  hostNames: string[]
  /** Lets `/metrics` be read from another machine with `Authorization: Bearer <token>`. */
  metricsToken: string | null
  /** Largest WebSocket message accepted; bigger ones close the connection with 1009. */
  maxMessageBytes: number
  /** Largest meeting document the relay keeps; a change beyond it is refused with 4413. */
  maxDocumentBytes: number
  /** Meetings held in memory at once; a new one beyond that is refused with 4507 (retry). */
  maxRooms: number
  /** Open connections in one meeting; one more is refused with 4503 (retry). */
  maxConnectionsPerRoom: number
  /** Sustained messages per second from one connection (token bucket); over it: 4529 (retry). */
  messagesPerSecond: number
  /** Sustained bytes per second from one connection (token bucket); over it: 4529 (retry). */
  bytesPerSecond: number
  /**
   * Web pages (by origin) allowed to open a sync connection, besides the relay's own origin.
   * `'*'` allows every origin. Connections without an `Origin` header (not a browser) are always
   * allowed: the capability key is what protects a meeting, see `origin.ts`.
   */
  allowedOrigins: string[] | '*'
  /** How long a meeting with no connection stays in memory before it is written and unloaded. */
  roomIdleMs: number
  /** At most one dated snapshot of a meeting per this much time of activity (`snapshots.ts`). */
  snapshotIntervalMs: number
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string }

const KIB = 1024
const MIB = 1024 * KIB

// An empty variable (`PORT=`) means "not set", not zero: `PORT=` must not pick a random port.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

const integer = (min: number, max: number) => {
  const error = `expected an integer from ${min} to ${max}`
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error })
}

const seconds = (max: number) => {
  const error = `expected a number of seconds from 0 to ${max}`
  return z.coerce.number({ error }).min(0, { error }).max(max, { error })
}

const origins = z.string().transform((value, context): string[] | '*' => {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 1 && entries[0] === '*') return '*'
  const out: string[] = []
  for (const entry of entries) {
    const origin = originOf(entry)
    if (origin === null) {
      context.addIssue({
        code: 'custom',
        message: `"${entry}" is not an origin like https://tandem.example.org or http://192.168.1.20:8080`,
      })
      return z.NEVER
    }
    out.push(origin)
  }
  return out
})

/** `scheme://host[:port]`, normalised, or null if `entry` is anything more or less than that. */
function originOf(entry: string): string | null {
  try {
    const url = new URL(entry)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    if (url.origin !== entry.toLowerCase().replace(/\/$/, '')) return null
    return url.origin
  } catch {
    return null
  }
}

const envSchema = z
  .object({
    PORT: optional(integer(0, 65535)).default(8080),
    HOST: optional(z.string().trim().min(1)).default('0.0.0.0'),
    DATA_DIR: optional(z.string()).default('./data'),
    STATIC_DIR: optional(z.string()).default('./dist'),
    TLS_CERT: optional(z.string()),
    TLS_KEY: optional(z.string()),
    HTTPS: optional(z.enum(['on', 'off'], { error: 'expected on or off' })),
    HTTPS_PORT: optional(integer(0, 65535)).default(8443),
    HOST_NAMES: optional(z.string())
      .default('')
      .transform((value) => value.split(',').map((name) => name.trim().toLowerCase()))
      .transform((names) => names.filter(Boolean)),
    // 16+ characters: a token short enough to guess would open the metrics to the network.
    METRICS_TOKEN: optional(z.string().min(16, { error: 'expected at least 16 characters' })),
    // 8 MiB: far above a long offline session's first sync, far below the laptop's memory.
    MAX_MESSAGE_BYTES: optional(integer(1024, 1024 * MIB)).default(
      RELAY_DEFAULT_LIMITS.messageBytes,
    ),
    // 32 MiB: an evening's meeting is a few hundred KiB; this is a hundred evenings of typing.
    MAX_DOCUMENT_BYTES: optional(integer(64 * KIB, 4096 * MIB)).default(
      RELAY_DEFAULT_LIMITS.documentBytes,
    ),
    // 64: one evening needs two or three (the meeting, the committee); the rest is margin.
    MAX_ROOMS: optional(integer(1, 100_000)).default(64),
    // 64: ten ateliers × two tablets, the coordinator, the projector and reloads, twice over.
    MAX_CONNECTIONS_PER_ROOM: optional(integer(1, 100_000)).default(64),
    // 100/s: fast typing is about ten messages a second; a reconnection sends three at once.
    RATE_MESSAGES_PER_SECOND: optional(integer(1, 1_000_000)).default(100),
    // 1 MiB/s sustained; a single message up to MAX_MESSAGE_BYTES always passes (burst).
    RATE_BYTES_PER_SECOND: optional(integer(1024, 1024 * MIB)).default(MIB),
    ALLOWED_ORIGINS: optional(origins).default([]),
    // 30 s: a page reload or a Wi-Fi blip comes straight back without re-reading the log.
    ROOM_IDLE_SECONDS: optional(seconds(86_400)).default(30),
    // 60 s: "as it was at 20:10" to the minute; the thinning and disk budget are in snapshots.ts.
    SNAPSHOT_INTERVAL_SECONDS: optional(seconds(86_400)).default(60),
  })
  .refine((env) => (env.TLS_CERT === undefined) === (env.TLS_KEY === undefined), {
    message: 'TLS_CERT and TLS_KEY go together: set both (HTTPS) or neither (HTTP)',
  })
  .refine((env) => !(env.HTTPS === 'off' && env.TLS_CERT !== undefined), {
    message: 'HTTPS=off and TLS_CERT contradict each other: set one or the other',
  })

/** The hosts on which a relay serves this laptop only: plain HTTP is enough there. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

function tlsOf(values: z.infer<typeof envSchema>): Config['tls'] {
  if (values.TLS_CERT !== undefined && values.TLS_KEY !== undefined) {
    return { kind: 'files', certFile: values.TLS_CERT, keyFile: values.TLS_KEY }
  }
  if (values.HTTPS === 'off') return null
  if (values.HTTPS === 'on' || !isLoopbackHost(values.HOST)) return { kind: 'selfMade' }
  return null
}

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    return { ok: false, error: `invalid configuration: ${problems.join('; ')}` }
  }
  const values = parsed.data
  return {
    ok: true,
    config: {
      port: values.PORT,
      host: values.HOST,
      dataDir: values.DATA_DIR,
      staticDir: values.STATIC_DIR,
      tls: tlsOf(values),
      httpsPort: values.HTTPS_PORT,
      hostNames: values.HOST_NAMES,
      metricsToken: values.METRICS_TOKEN ?? null,
      maxMessageBytes: values.MAX_MESSAGE_BYTES,
      maxDocumentBytes: values.MAX_DOCUMENT_BYTES,
      maxRooms: values.MAX_ROOMS,
      maxConnectionsPerRoom: values.MAX_CONNECTIONS_PER_ROOM,
      messagesPerSecond: values.RATE_MESSAGES_PER_SECOND,
      bytesPerSecond: values.RATE_BYTES_PER_SECOND,
      allowedOrigins: values.ALLOWED_ORIGINS,
      roomIdleMs: Math.round(values.ROOM_IDLE_SECONDS * 1000),
      snapshotIntervalMs: Math.round(values.SNAPSHOT_INTERVAL_SECONDS * 1000),
    },
  }
}
