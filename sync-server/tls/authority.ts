/**
 * The relay's own certificate authority and the server certificates it signs, made in
 * JavaScript (`@peculiar/x509` for the X.509 structures, Node's WebCrypto for ECDSA P-256 keys
 * and signatures) so the same `npm start` works on the coordinator's Windows, macOS or Linux
 * laptop with no `openssl`.
 *
 * One authority per laptop, installed once on each tablet (`installFiles.ts`); a server
 * certificate per set of addresses, re-issued whenever the laptop's addresses change. The
 * limits browsers and iOS set on certificates shape the choices below (validity, extensions).
 */
// @peculiar/x509 resolves its parsers through tsyringe, which needs this polyfill loaded first.
import 'reflect-metadata'
import { randomBytes, webcrypto, X509Certificate } from 'node:crypto'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(webcrypto as Crypto)

export interface KeyAndCertificate {
  /** PEM. */
  cert: string
  /** PEM, PKCS#8; never leaves the laptop. */
  key: string
}

export interface ServerNames {
  dns: string[]
  ips: string[]
}

// ECDSA P-256: what every tablet browser accepts, and made in a millisecond where an RSA key
// takes seconds of a laptop's CPU.
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
const DAY_MS = 24 * 60 * 60 * 1000
// Ten years: the tablets trust it once and should never have to again.
const AUTHORITY_DAYS = 3650
// Under 398 days: Apple and Chrome refuse longer server certificates from some roots; ours are
// re-issued long before (`localCertificates.ts`).
const SERVER_DAYS = 397

export async function createAuthority(
  commonName: string,
  now = new Date(),
): Promise<KeyAndCertificate> {
  const keys = await newKeys()
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    ...validity(now, AUTHORITY_DAYS),
    name: [{ CN: [commonName] }, { O: ['Tandem'] }],
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      // pathLength 0: it signs the relay's certificates, never another authority.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  })
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) }
}

export async function issueServerCertificate(
  authority: KeyAndCertificate,
  names: ServerNames,
  now = new Date(),
): Promise<KeyAndCertificate> {
  const caCert = new x509.X509Certificate(authority.cert)
  const caKey = await webcrypto.subtle.importKey(
    'pkcs8',
    x509.PemConverter.decodeFirst(authority.key),
    ALGORITHM,
    false,
    ['sign'],
  )
  const keys = await newKeys()
  const cert = await x509.X509CertificateGenerator.create({
    ...validity(now, SERVER_DAYS),
    subject: [{ CN: [names.dns[0] ?? names.ips[0] ?? 'tandem'] }],
    issuer: caCert.subjectName.toJSON(),
    publicKey: keys.publicKey,
    signingKey: caKey as CryptoKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  })
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) }
}

/** The DNS names and IP addresses a certificate is valid for (its subjectAltName). */
export function namesOf(certPem: string): ServerNames {
  const names: ServerNames = { dns: [], ips: [] }
  for (const entry of (new X509Certificate(certPem).subjectAltName ?? '').split(', ')) {
    if (entry.startsWith('DNS:')) names.dns.push(entry.slice(4))
    else if (entry.startsWith('IP Address:')) names.ips.push(entry.slice(11))
  }
  return names
}

async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair
}

async function keyPem(privateKey: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', privateKey as webcrypto.CryptoKey)
  return x509.PemConverter.encode(der, 'PRIVATE KEY')
}

function validity(now: Date, days: number) {
  // 16 random bytes, first bit clear: a positive serial, unique per certificate.
  const serial = randomBytes(16)
  serial[0]! &= 0x7f
  return {
    serialNumber: serial.toString('hex'),
    // An hour back: a tablet whose clock runs a little behind still accepts it.
    notBefore: new Date(now.getTime() - 60 * 60 * 1000),
    notAfter: new Date(now.getTime() + days * DAY_MS),
  }
}
