import { useCallback, useEffect, useState } from 'react'

export type TrustState = 'checking' | 'trusted' | 'untrusted'

/**
 * Whether this device trusts the relay's HTTPS address: a request to it succeeds only if the
 * browser accepts its certificate. `no-cors`: the answer is opaque, only success matters (and
 * the relay's `/healthz` needs no CORS). Checked again when the page comes back into view: the
 * tablet's owner has just been in the Réglages.
 *
 * @example
 *   const { state, check } = useTrustCheck('https://192.168.1.20:8443')
 */
export function useTrustCheck(secureOrigin: string): {
  state: TrustState
  check: () => void
} {
  const [state, setState] = useState<TrustState>('checking')
  const probe = useCallback(
    () =>
      fetch(`${secureOrigin}/healthz`, { mode: 'no-cors', cache: 'no-store' }).then(
        () => setState('trusted'),
        () => setState('untrusted'),
      ),
    [secureOrigin],
  )
  const check = useCallback(() => {
    setState('checking')
    void probe()
  }, [probe])
  useEffect(() => {
    void probe()
    const onVisible = () => {
      if (document.visibilityState === 'visible') check()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [probe, check])
  return { state, check }
}
