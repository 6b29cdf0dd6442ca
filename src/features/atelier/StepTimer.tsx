import { useEffect, useRef } from 'react'
import { currentTimer, updateTimer, type Atelier } from '../../doc/ateliers'
import type { Step } from '../../doc/script'
import { addTime, formatClock, pause, phase, remaining, reset, start } from '../../doc/timer'
import { useNow } from '../../hooks/useNow'
import { useWakeLock } from '../../hooks/useWakeLock'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

const MIN = 60_000

interface Props {
  session: MeetingSession
  atelier: Atelier
  step: Step
}

/** The shared step timer: a countdown readable at arm's length, and its controls. */
export function StepTimer({ session, atelier, step }: Props) {
  const now = useNow(500)
  const timer = currentTimer(atelier)
  const durationMs = step.durationMinutes * MIN
  const current = timer ? phase(timer, durationMs, now) : 'idle'
  const left = timer ? remaining(timer, durationMs, now) : durationMs
  useWakeLock(timer?.status === 'running')
  useVibrateOn(current)
  if (!timer) return null
  const act = (operation: Parameters<typeof updateTimer>[2]) =>
    updateTimer(session.doc, atelier.id, operation)
  const status =
    current === 'over'
      ? t.atelier.timeUp
      : current === 'warning'
        ? t.atelier.oneMinuteLeft
        : current === 'paused'
          ? t.atelier.paused
          : ''
  return (
    <section className={`card timer timer--${current}`} aria-label={t.atelier.timer}>
      <div className="timer__clock" data-testid="timer-clock" data-phase={current} role="timer">
        {formatClock(left)}
      </div>
      <p className="timer__status" aria-live="polite">
        {status}
      </p>
      <div className="timer__controls">
        {timer.status === 'running' ? (
          <Button onClick={() => act((s) => pause(s, Date.now()))}>{t.atelier.pause}</Button>
        ) : (
          <Button onClick={() => act((s) => start(s, Date.now()))}>
            {timer.status === 'paused' ? t.atelier.resume : t.atelier.start}
          </Button>
        )}
        <Button secondary onClick={() => act((s) => addTime(s, MIN))}>
          {t.atelier.plusOne}
        </Button>
        <Button secondary onClick={() => act((s) => addTime(s, 5 * MIN))}>
          {t.atelier.plusFive}
        </Button>
        <Button secondary onClick={() => act(reset)}>
          {t.atelier.reset}
        </Button>
      </div>
    </section>
  )
}

/** A short buzz when the last minute starts and a longer one at the end; never a sound. */
function useVibrateOn(current: string) {
  const previous = useRef(current)
  useEffect(() => {
    const before = previous.current
    previous.current = current
    if (before === current || !('vibrate' in navigator)) return
    if (current === 'warning' && before === 'running') navigator.vibrate(200)
    if (current === 'over' && (before === 'running' || before === 'warning'))
      navigator.vibrate([300, 150, 300])
  }, [current])
}
