/**
 * Whether this device can still save. A full disk (QuotaExceededError) or an IndexedDB
 * connection lost by the browser (seen on iPad after the tablet sleeps) must become a visible
 * message, never a silent loss: the UI shows a banner as long as `storageProblem()` is set.
 *
 * Problems are kept per source, because they end separately: each open meeting's store
 * (`src/sync/localStore.ts`) reports its own and clears it as soon as a write commits again;
 * the device database (Dexie) reports failures through `reportStorageError`, which stay until the
 * page reloads (Dexie does not say when it recovers). `watchStorageErrors` also catches storage
 * errors nobody handled (unhandled promise rejections). A full disk is shown before anything else:
 * it is the one the user can act on.
 */
export type StorageProblem = 'quota' | 'unavailable'

const problems = new Map<string, StorageProblem>()
let current: StorageProblem | null = null
const listeners = new Set<() => void>()

/** Source of the problems reported without one (Dexie, unhandled rejections). */
const DEVICE = 'device'

/** Records a storage failure of `source`; errors that are not about storage are ignored. */
export function reportStorageError(error: unknown, source = DEVICE): void {
  const next = classify(error)
  if (next) setStorageProblem(source, next)
}

/** Sets (or with null, clears) the problem of one source. */
export function setStorageProblem(source: string, next: StorageProblem | null): void {
  if (next === null) problems.delete(source)
  else problems.set(source, next)
  const values = [...problems.values()]
  const worst = values.includes('quota') ? 'quota' : values.length > 0 ? 'unavailable' : null
  if (worst === current) return
  current = worst
  for (const listener of listeners) listener()
}

export function storageProblem(): StorageProblem | null {
  return current
}

export function subscribeStorageProblem(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Names of the DOMExceptions IndexedDB raises when it cannot store. */
const STORAGE_ERRORS: Record<string, StorageProblem> = {
  QuotaExceededError: 'quota',
  InvalidStateError: 'unavailable',
  UnknownError: 'unavailable',
  DatabaseClosedError: 'unavailable',
  OpenFailedError: 'unavailable',
}

export function classify(error: unknown): StorageProblem | null {
  if (typeof error !== 'object' || error === null) return null
  const name = (error as { name?: unknown }).name
  const inner = (error as { inner?: unknown }).inner
  if (typeof name === 'string' && name in STORAGE_ERRORS) return STORAGE_ERRORS[name]!
  return inner ? classify(inner) : null
}

export function watchStorageErrors(target: Window = window): void {
  target.addEventListener('unhandledrejection', (event) => reportStorageError(event.reason))
}
