/**
 * Asks the browser not to evict this device's data under storage pressure. Without it, a
 * browser may clear IndexedDB when space runs low — on a tablet used for a whole evening that
 * would lose notes. The answer is shown on the home screen.
 */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported'

export async function requestPersistentStorage(): Promise<PersistenceState> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.persist) return 'unsupported'
  try {
    if (await storage.persisted()) return 'persisted'
    return (await storage.persist()) ? 'persisted' : 'best-effort'
  } catch {
    return 'best-effort'
  }
}
