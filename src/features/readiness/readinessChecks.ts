/**
 * "Prêt pour la soirée": can this device run the evening with no network? Pure: the facts are
 * gathered by `useReadiness`, the verdict and its wording are decided here.
 */
export interface ReadinessFacts {
  /** The page is HTTPS or localhost: the only pages browsers let work offline. */
  secureContext: boolean
  /** A service worker has precached the app. */
  appCached: boolean
  /** The meeting and its trame are in this device's storage. */
  meetingStored: boolean
  /** The browser promised not to evict this device's data; `null` while asking. */
  storagePersisted: boolean | null
  lastSyncedAt: number | null
  /** The relay answered just now; `null` while checking. */
  relayReachable: boolean | null
}

export type CheckState = 'ok' | 'warning' | 'missing' | 'pending'

export interface Check {
  id: 'secure' | 'app' | 'meeting' | 'storage' | 'sync' | 'relay'
  state: CheckState
}

export function readinessChecks(facts: ReadinessFacts): Check[] {
  const pendingOr = (value: boolean | null, whenFalse: CheckState): CheckState =>
    value === null ? 'pending' : value ? 'ok' : whenFalse
  // On plain HTTP the app can never be cached: say that, rather than "wait a few seconds".
  const app: Check[] = facts.secureContext
    ? [{ id: 'app', state: facts.appCached ? 'ok' : 'missing' }]
    : [{ id: 'secure', state: 'missing' }]
  return [
    ...app,
    { id: 'meeting', state: facts.meetingStored ? 'ok' : 'missing' },
    // Without the promise, data usually survives; the risk is eviction when space runs out.
    { id: 'storage', state: pendingOr(facts.storagePersisted, 'warning') },
    { id: 'sync', state: facts.lastSyncedAt === null ? 'missing' : 'ok' },
    // Not reaching the relay now is expected at the town hall: it does not stop the evening.
    { id: 'relay', state: pendingOr(facts.relayReachable, 'warning') },
  ]
}

/** Ready when nothing is missing: warnings are worth knowing but do not stop the evening. */
export function isReady(checks: Check[]): boolean {
  return checks.every((check) => check.state !== 'missing' && check.state !== 'pending')
}
