import { useSyncExternalStore } from 'react'
import { storageProblem, subscribeStorageProblem } from '../device/storageHealth'
import { t } from './strings'

/** A banner that stays while this device cannot save. */
export function StorageProblemBanner() {
  const problem = useSyncExternalStore(subscribeStorageProblem, storageProblem)
  if (!problem) return null
  return (
    <div className="storage-banner" role="alert" data-testid="storage-problem">
      {t.device.storageError}
    </div>
  )
}
