import { useEffect, useState } from 'react'
import { fetchRelayAddresses, type RelayAddresses } from '../sync/relayAddresses'

/**
 * The relay's addresses for tablets (`sync/relayAddresses.ts`); null while asking, or when the
 * relay does not answer (offline, or an older relay).
 *
 * @example
 *   const addresses = useRelayAddresses()
 *   const https = addresses?.secure[0]
 */
export function useRelayAddresses(): RelayAddresses | null {
  const [addresses, setAddresses] = useState<RelayAddresses | null>(null)
  useEffect(() => {
    let cancelled = false
    void fetchRelayAddresses().then((result) => {
      if (!cancelled) setAddresses(result)
    })
    return () => {
      cancelled = true
    }
  }, [])
  return addresses
}
