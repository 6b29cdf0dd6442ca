import { useSyncExternalStore } from 'react'
import { storageProblem, subscribeStorageProblem } from '../device/storageHealth'
import { t } from '../text/strings'

const MESSAGE = {
  quota: t.saving.storageFull,
  unavailable: t.saving.storageUnavailable,
} as const

/**
 * A banner that stays while this device cannot save, and leaves by itself once it can again
 * (the edits waiting in memory are then written: `src/sync/localStore.ts`).
 */
export function StorageProblemBanner() {
  const problem = useSyncExternalStore(subscribeStorageProblem, storageProblem)
  if (!problem) return null
  return (
    <div
      className="storage-banner"
      role="alert"
      data-testid="storage-problem"
      data-problem={problem}
    >
      {MESSAGE[problem]}
    </div>
  )
}
