/**
 * Whether this device can still save. A full disk (QuotaExceededError) or an IndexedDB
 * connection lost by the browser (seen on iPad after the tablet sleeps) must become a visible
 * message, never a silent loss: the UI shows a banner as long as `storageProblem` is set.
 *
 * y-indexeddb writes every update without a catch of its own, so its failures surface as
 * unhandled promise rejections; `watchStorageErrors` picks the storage ones out of those.
 */
export type StorageProblem = 'quota' | 'unavailable'

let problem: StorageProblem | null = null
const listeners = new Set<() => void>()

export function reportStorageError(error: unknown): void {
  const next = classify(error)
  if (!next || next === problem) return
  problem = next
  for (const listener of listeners) listener()
}

export function storageProblem(): StorageProblem | null {
  return problem
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
