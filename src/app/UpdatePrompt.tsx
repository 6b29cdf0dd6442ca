import { useRegisterSW } from 'virtual:pwa-register/react'
import { t } from '../text/strings'
import { Button } from '../ui/Button'

/**
 * Registers the service worker (which makes the app open with no network) and offers a new
 * version when one is waiting. The user chooses when: an update never reloads a tablet mid-atelier.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW()
  if (!needRefresh) return null
  return (
    <div className="update-banner" role="alert">
      <span>{t.update.available}</span>
      <Button onClick={() => void updateServiceWorker(true)}>{t.update.apply}</Button>
      <Button secondary onClick={() => setNeedRefresh(false)}>
        {t.update.later}
      </Button>
    </div>
  )
}
