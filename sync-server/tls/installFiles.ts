/**
 * The relay's authority in the forms tablets install it from the install page:
 *
 * - `tandem-ca.crt`: the certificate in DER, which Android installs (Paramètres → Sécurité →
 *   Installer un certificat → Certificat CA) and iOS would too, but with more taps;
 * - `tandem.mobileconfig`: an iOS/iPadOS configuration profile holding the same certificate
 *   (payload `com.apple.security.root`), installed from Réglages → Profil téléchargé, then
 *   trusted under Réglages → Général → Informations → Réglages des certificats.
 *
 * Only the public certificate goes in; the private key never leaves `DATA_DIR`. The profile's
 * identifiers derive from the certificate, so downloading it twice gives the same profile.
 */
import { createHash, X509Certificate } from 'node:crypto'

export function authorityDer(authorityPem: string): Buffer {
  return new X509Certificate(authorityPem).raw
}

export function mobileconfig(authorityPem: string): string {
  const certificate = new X509Certificate(authorityPem)
  const name = /CN=([^\n]*)/.exec(certificate.subject)?.[1] ?? 'Tandem'
  const profileId = uuidFrom(certificate.raw, 'profile')
  const payloadId = uuidFrom(certificate.raw, 'payload')
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>PayloadCertificateFileName</key>
      <string>tandem-ca.crt</string>
      <key>PayloadContent</key>
      <data>${certificate.raw.toString('base64')}</data>
      <key>PayloadDescription</key>
      <string>Autorité du relais Tandem de cet ordinateur</string>
      <key>PayloadDisplayName</key>
      <string>${escapeXml(name)}</string>
      <key>PayloadIdentifier</key>
      <string>local.tandem.ca.${payloadId}</string>
      <key>PayloadType</key>
      <string>com.apple.security.root</string>
      <key>PayloadUUID</key>
      <string>${payloadId}</string>
      <key>PayloadVersion</key>
      <integer>1</integer>
    </dict>
  </array>
  <key>PayloadDescription</key>
  <string>Permet à cette tablette d'ouvrir Tandem en HTTPS depuis le relais de la soirée, même sans réseau.</string>
  <key>PayloadDisplayName</key>
  <string>Tandem — ${escapeXml(name)}</string>
  <key>PayloadIdentifier</key>
  <string>local.tandem.profile.${profileId}</string>
  <key>PayloadRemovalDisallowed</key>
  <false/>
  <key>PayloadType</key>
  <string>Configuration</string>
  <key>PayloadUUID</key>
  <string>${profileId}</string>
  <key>PayloadVersion</key>
  <integer>1</integer>
</dict>
</plist>
`
}

/** A UUID-shaped identifier derived from the certificate (stable, unique per authority). */
function uuidFrom(der: Buffer, label: string): string {
  const hex = createHash('sha256').update(label).update(der).digest('hex').toUpperCase()
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
