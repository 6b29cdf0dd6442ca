import { useEffect, useState } from 'react'
import { requestPersistentStorage, type PersistenceState } from '../../device/storagePersistence'
import { useOfflineReady } from '../../hooks/useOfflineReady'
import { t } from '../../text/strings'

/** What this device can promise: offline start-up and protected storage. */
export function DeviceStatus() {
  const offlineReady = useOfflineReady()
  const [persistence, setPersistence] = useState<PersistenceState | null>(null)
  useEffect(() => requestPersistentStorage(setPersistence), [])
  return (
    <section className="card card--quiet" data-testid="device-status">
      <h2>{t.device.title}</h2>
      <p>{offlineReady ? t.device.offlineReady : t.device.notOfflineYet}</p>
      {persistence && (
        <p>{persistence === 'persisted' ? t.device.persisted : t.device.notPersisted}</p>
      )}
    </section>
  )
}
