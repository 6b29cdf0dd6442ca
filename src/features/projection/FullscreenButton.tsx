import { useEffect, useState } from 'react'
import { t } from '../../ui/strings'

/** The button shows while the mouse moves, then steps aside so it never covers the wall (ms). */
const IDLE_MS = 4_000

/** One click puts the projection full screen; hidden once it is (Échap leaves) or when idle. */
export function FullscreenButton() {
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null)
  const [active, setActive] = useState(true)
  useEffect(() => {
    let timer = setTimeout(() => setActive(false), IDLE_MS)
    const onMove = (event: PointerEvent) => {
      // Browsers send still "moves" when the page under the pointer changes: not the operator.
      if (event.type === 'pointermove' && event.movementX === 0 && event.movementY === 0) return
      setActive(true)
      clearTimeout(timer)
      timer = setTimeout(() => setActive(false), IDLE_MS)
    }
    const onChange = () => setFullscreen(document.fullscreenElement !== null)
    document.addEventListener('fullscreenchange', onChange)
    document.addEventListener('pointermove', onMove)
    document.addEventListener('pointerdown', onMove)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('fullscreenchange', onChange)
      document.removeEventListener('pointermove', onMove)
      document.removeEventListener('pointerdown', onMove)
    }
  }, [])
  if (fullscreen || !active || !document.fullscreenEnabled) return null
  return (
    <button
      type="button"
      className="button button--secondary projection__fullscreen"
      onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}
    >
      {t.wall.fullscreen}
    </button>
  )
}
