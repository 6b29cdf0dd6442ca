/**
 * The TLS settings of the relay's HTTPS server: TLS 1.2 or 1.3 only, and on TLS 1.2 only
 * ECDHE key exchange (forward secrecy) with AEAD ciphers (GCM, ChaCha20-Poly1305). Every TLS 1.3
 * suite already is both. iPads since iOS 11 and Android since 5 speak these.
 */
import type { SecureContextOptions, TlsOptions } from 'node:tls'

const TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
]

const TLS13_CIPHERS = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
]

export const TLS_SETTINGS: TlsOptions & SecureContextOptions = {
  minVersion: 'TLSv1.2',
  ciphers: [...TLS13_CIPHERS, ...TLS12_CIPHERS].join(':'),
  honorCipherOrder: true,
}
