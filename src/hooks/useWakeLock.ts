import { useEffect } from 'react'

/**
 * Keeps the screen on while `active` (a step timer runs), where the browser supports the Screen
 * Wake Lock API. The lock is released by the browser when the page is hidden, so it is taken
 * again when the page comes back.
 *
 * @example
 *   useWakeLock(timer.status === 'running')
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return
    let sentinel: WakeLockSentinel | null = null
    let cancelled = false
    const acquire = () => {
      if (document.visibilityState !== 'visible') return
      navigator.wakeLock.request('screen').then(
        (lock) => {
          if (cancelled) void lock.release()
          else sentinel = lock
        },
        () => undefined, // Refused (battery saver, no permission): the screen may dim, nothing else.
      )
    }
    acquire()
    document.addEventListener('visibilitychange', acquire)
    return () => {
      cancelled = true
      document.removeEventListener('visibilitychange', acquire)
      void sentinel?.release()
    }
  }, [active])
}
