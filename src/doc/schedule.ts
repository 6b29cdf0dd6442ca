import { currentTimer, type Atelier } from './ateliers'
import { scriptDurationMinutes, type Step } from './script'
import { remaining } from './timer'

const MIN = 60_000

/**
 * Where an atelier stands against its schedule: time left (current step's countdown plus the
 * steps after it), the planned end (start of its first step plus the whole trame), and the delay
 * if finishing the remaining steps on time would overrun that end.
 */
export function atelierSchedule(steps: Step[], atelier: Atelier, now: number) {
  const index = steps.findIndex((step) => step.id === atelier.currentStepId)
  const current = steps[index]
  const timer = currentTimer(atelier)
  const currentLeft = current && timer ? remaining(timer, current.durationMinutes * MIN, now) : 0
  const laterSteps = index < 0 ? steps : steps.slice(index + 1)
  const leftMs = currentLeft + scriptDurationMinutes(laterSteps) * MIN
  const plannedEnd =
    atelier.startedAt === null ? null : atelier.startedAt + scriptDurationMinutes(steps) * MIN
  const delayMs = plannedEnd === null ? 0 : Math.max(0, now + leftMs - plannedEnd)
  return { leftMs, plannedEnd, delayMs }
}
