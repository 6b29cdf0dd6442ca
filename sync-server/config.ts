/**
 * The relay's configuration, read from the environment once at start-up. `parseConfig` is pure
 * (no file access, no cwd): `main.ts` turns a failure into one error line and exit code 1.
 */
import { z } from 'zod'

export interface Config {
  port: number
  host: string
  /** Room logs live in `<dataDir>/rooms/`. Relative paths are taken from the working directory. */
  dataDir: string
  /** The Vite build (`dist/`) served to the tablets. */
  staticDir: string
  /** Certificate and key files: present means HTTPS (and WSS), needed for the PWA on the LAN. */
  tls: { certFile: string; keyFile: string } | null
  /** Largest WebSocket message accepted; bigger ones close the connection with 1009. */
  maxMessageBytes: number
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string }

const MIB = 1024 * 1024

// An empty variable (`PORT=`) means "not set", not zero: `PORT=` must not pick a random port.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

const integer = (min: number, max: number) => {
  const error = `expected an integer from ${min} to ${max}`
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error })
}

const envSchema = z
  .object({
    PORT: optional(integer(0, 65535)).default(8080),
    HOST: optional(z.string().trim().min(1)).default('0.0.0.0'),
    DATA_DIR: optional(z.string()).default('./data'),
    STATIC_DIR: optional(z.string()).default('./dist'),
    TLS_CERT: optional(z.string()),
    TLS_KEY: optional(z.string()),
    // 8 MiB: far above a long offline session's first sync, far below the laptop's memory.
    MAX_MESSAGE_BYTES: optional(integer(1024, 1024 * MIB)).default(8 * MIB),
  })
  .refine((env) => (env.TLS_CERT === undefined) === (env.TLS_KEY === undefined), {
    message: 'TLS_CERT and TLS_KEY go together: set both (HTTPS) or neither (HTTP)',
  })

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
      tls:
        values.TLS_CERT !== undefined && values.TLS_KEY !== undefined
          ? { certFile: values.TLS_CERT, keyFile: values.TLS_KEY }
          : null,
      maxMessageBytes: values.MAX_MESSAGE_BYTES,
    },
  }
}
