import { useEffect, useState } from 'react'

/**
 * True once a service worker is active for this app: it has precached the whole app, so the app
 * will open again with no network. Checked directly rather than through the plugin's
 * `offlineReady`, which fires only on the very first install and not on later visits.
 */
export function useOfflineReady(): boolean {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker
  const [ready, setReady] = useState(() => Boolean(container?.controller))
  useEffect(() => {
    if (!container) return
    let mounted = true
    void container.ready.then(() => mounted && setReady(true))
    return () => {
      mounted = false
    }
  }, [container])
  return ready
}
