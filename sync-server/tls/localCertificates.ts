/**
 * The relay's certificates on disk, under `<DATA_DIR>/tls/`:
 *
 *   ca.crt      the authority the tablets install (public)
 *   ca.key      its private key, readable by the laptop's user only (0600)
 *   server.crt  the certificate the relay serves, signed by ca.key
 *   server.key  its private key (0600)
 *
 * The authority is made once and kept: every tablet that trusts it keeps trusting the relay.
 * The server certificate is re-issued when it does not name every current address, was not
 * signed by this authority, or expires within `RENEW_BEFORE_DAYS`. Files are written to a
 * temporary name and renamed, so a crash never leaves half a key.
 */
import { X509Certificate } from 'node:crypto'
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import {
  createAuthority,
  issueServerCertificate,
  namesOf,
  type KeyAndCertificate,
  type ServerNames,
} from './authority'

const DAY_MS = 24 * 60 * 60 * 1000
// A month of margin: a laptop used once a month renews at the evening before the last one.
const RENEW_BEFORE_DAYS = 30

export interface LocalCertificates {
  authority: KeyAndCertificate
  server: KeyAndCertificate
  /** True when this call made a new server certificate (first start, new address, expiry). */
  renewed: boolean
}

export function tlsDir(dataDir: string): string {
  return join(dataDir, 'tls')
}

/** The authority, made on first use. */
export async function loadOrCreateAuthority(
  dataDir: string,
  now = new Date(),
): Promise<KeyAndCertificate> {
  const dir = tlsDir(dataDir)
  const existing = await readPair(join(dir, 'ca.crt'), join(dir, 'ca.key'))
  if (existing) return existing
  const day = now.toISOString().slice(0, 10)
  // The laptop and the day in the name, so a tablet's list of profiles says which is which.
  const authority = await createAuthority(`Tandem ${hostname().slice(0, 32)} ${day}`, now)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  await writeAtomically(join(dir, 'ca.key'), authority.key, 0o600)
  await writeAtomically(join(dir, 'ca.crt'), authority.cert, 0o644)
  return authority
}

/** The server certificate for `names`, re-issued only when the one on disk does not do. */
export async function ensureServerCertificate(
  dataDir: string,
  names: ServerNames,
  now = new Date(),
): Promise<LocalCertificates> {
  const authority = await loadOrCreateAuthority(dataDir, now)
  const dir = tlsDir(dataDir)
  const existing = await readPair(join(dir, 'server.crt'), join(dir, 'server.key'))
  if (existing && stillGood(existing.cert, authority.cert, names, now)) {
    return { authority, server: existing, renewed: false }
  }
  const server = await issueServerCertificate(authority, names, now)
  await writeAtomically(join(dir, 'server.key'), server.key, 0o600)
  await writeAtomically(join(dir, 'server.crt'), server.cert, 0o644)
  return { authority, server, renewed: true }
}

/** Whether `certPem` names every one of `names`. */
export function covers(certPem: string, names: ServerNames): boolean {
  const held = namesOf(certPem)
  return (
    names.dns.every((name) => held.dns.includes(name)) &&
    names.ips.every((ip) => held.ips.includes(ip))
  )
}

function stillGood(certPem: string, authorityPem: string, names: ServerNames, now: Date): boolean {
  const cert = new X509Certificate(certPem)
  const expires = new Date(cert.validTo).getTime()
  return (
    cert.verify(new X509Certificate(authorityPem).publicKey) &&
    new Date(cert.validFrom).getTime() <= now.getTime() &&
    expires - now.getTime() > RENEW_BEFORE_DAYS * DAY_MS &&
    covers(certPem, names)
  )
}

/** Both files, or null if either is missing or unreadable as a certificate. */
async function readPair(certFile: string, keyFile: string): Promise<KeyAndCertificate | null> {
  try {
    const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')])
    new X509Certificate(cert) // throws if damaged: then it is made again
    return { cert, key }
  } catch {
    return null
  }
}

async function writeAtomically(file: string, content: string, mode: number): Promise<void> {
  const temporary = `${file}.tmp`
  await writeFile(temporary, content, { mode })
  // `mode` applies only when the file is created; a leftover temporary keeps its own.
  await chmod(temporary, mode)
  await rename(temporary, file)
}
