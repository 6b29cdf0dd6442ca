import { useEffect, useState } from 'react'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

/** The buttons show while the mouse moves, then step aside so they never cover the wall (ms). */
const IDLE_MS = 4_000

interface Props {
  highContrast: boolean
  onToggleContrast: () => void
}

/**
 * The projector's two buttons, for whoever sits at its computer: the high-contrast theme, and
 * full screen (hidden once full screen: Échap leaves). Both hide when the mouse is still.
 */
export function ProjectorControls({ highContrast, onToggleContrast }: Props) {
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
  if (!active) return null
  return (
    <div className="projection__controls">
      <Button
        secondary
        aria-pressed={highContrast}
        onClick={onToggleContrast}
        data-testid="projection-contrast"
      >
        {t.wall.highContrast}
      </Button>
      {!fullscreen && document.fullscreenEnabled && (
        <Button
          secondary
          onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}
        >
          {t.wall.fullscreen}
        </Button>
      )}
    </div>
  )
}
