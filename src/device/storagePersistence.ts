/**
 * Asks the browser not to evict this device's data under storage pressure. Without it, a
 * browser may clear IndexedDB when space runs low — on a tablet used for a whole evening that
 * would lose notes. The answer is shown on the home screen and in the readiness checks.
 *
 * The engines answer differently: Chromium and Safari answer `persist()` at once (from
 * engagement, or because the app was added to the home screen); Firefox keeps the promise
 * pending until the user answers its permission prompt, possibly never; WebKitGTK has no
 * `navigator.storage` at all. So what is known now (`persisted()`, which never prompts) is
 * reported first, and the answer to the request later, if it comes.
 */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported'

/**
 * Asks for persistent storage; `onState` gets the state now, then the browser's answer.
 * Returns a function that stops the reports (the request itself stays with the browser).
 *
 * @example
 *   useEffect(() => requestPersistentStorage(setPersistence), [])
 */
export function requestPersistentStorage(
  onState: (state: PersistenceState) => void = () => undefined,
): () => void {
  let stopped = false
  const report = (state: PersistenceState) => {
    if (!stopped) onState(state)
  }
  void ask(report)
  return () => {
    stopped = true
  }
}

async function ask(report: (state: PersistenceState) => void): Promise<void> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.persist || !storage.persisted) return report('unsupported')
  try {
    if (await storage.persisted()) return report('persisted')
    report('best-effort')
    if (await storage.persist()) report('persisted')
  } catch {
    report('best-effort')
  }
}
