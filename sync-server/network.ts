/**
 * The names and addresses this machine is reached by on the local network: what the relay's
 * certificate must cover, what `Host` headers it answers (`hostCheck.ts`), and what it prints
 * and lists for the coordinator (`/addresses`). Read live, since a laptop's address changes
 * between the CCAS and the venue.
 */
import { hostname as osHostname, networkInterfaces } from 'node:os'

/**
 * A name that stays the same when the laptop's address changes, announced on the local network
 * by mDNS (`tls/mdns.ts`). Tablets that resolve `.local` names (iPads do; Android 12+ does) can
 * keep their links across venues.
 */
export const STABLE_NAME = 'tandem.local'

export interface MachineNames {
  /** The machine's IPv4 addresses on its networks, loopback excluded, in interface order. */
  addresses: string[]
  /** DNS names: the host name (bare and `.local`) and `STABLE_NAME`, lowercase. */
  hostNames: string[]
}

export function machineNames(): MachineNames {
  return { addresses: lanAddresses(), hostNames: hostNamesOf(osHostname()) }
}

export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => address.address)
}

/** Every address of every interface, loopback and IPv6 included: what a `Host` may name. */
export function allAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .map((address) => address.address.replace(/%.*$/, '').toLowerCase())
}

// One DNS label: a Windows host name may hold characters a certificate cannot name.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/** `PC-Accueil` → `pc-accueil`, `pc-accueil.local`, `tandem.local`; invalid names left out. */
export function hostNamesOf(hostname: string): string[] {
  const name = hostname.trim().toLowerCase().replace(/\.$/, '')
  const valid = name !== '' && name.split('.').every((label) => LABEL.test(label))
  const own = !valid ? [] : name.includes('.') ? [name] : [name, `${name}.local`]
  return [...new Set([...own, STABLE_NAME])]
}
