/**
 * The step timer of an atelier, as pure arithmetic over a plain state that lives in the meeting
 * document (one value per atelier, see `atelierProgress.ts`), so both tablets of a binôme show
 * the same countdown, offline, across reloads.
 *
 * Time is wall-clock time of the device that pressed the button (`startedAt`). Two devices
 * whose clocks agree show the same remaining time. A device whose clock is off shows the
 * remaining time shifted by the offset, always clamped to [0, planned duration]: never a
 * negative time, never more than the step allows. Concurrent presses (both tablets tap start or
 * pause at the same moment) each write a whole new state; Yjs keeps the same one on every device.
 */
import { z } from 'zod'
import { durationMsSchema, entityIdSchema, timestampSchema } from './untrusted'

export const timerStateSchema = z.object({
  stepId: entityIdSchema,
  status: z.enum(['idle', 'running', 'paused']),
  /** Time added with +1 / +5 (ms). */
  extraMs: durationMsSchema,
  /** Time counted before the current run (ms). */
  elapsedMs: durationMsSchema,
  /** Wall-clock start of the current run (ms), when running. */
  startedAt: timestampSchema.nullable(),
})
export type TimerState = z.infer<typeof timerStateSchema>

/** One minute before the end, the countdown changes colour (and the tablet vibrates once). */
export const WARNING_MS = 60_000

export function idleTimer(stepId: string): TimerState {
  return { stepId, status: 'idle', extraMs: 0, elapsedMs: 0, startedAt: null }
}

export function elapsed(state: TimerState, now: number): number {
  if (state.status !== 'running' || state.startedAt === null) return state.elapsedMs
  // A start time in this device's future (its clock is behind) counts as "just started".
  return state.elapsedMs + Math.max(0, now - state.startedAt)
}

export function totalMs(state: TimerState, durationMs: number): number {
  return durationMs + state.extraMs
}

export function remaining(state: TimerState, durationMs: number, now: number): number {
  const total = totalMs(state, durationMs)
  return Math.min(total, Math.max(0, total - elapsed(state, now)))
}

export type TimerPhase = 'idle' | 'running' | 'paused' | 'warning' | 'over'

export function phase(state: TimerState, durationMs: number, now: number): TimerPhase {
  if (state.status === 'idle') return 'idle'
  const left = remaining(state, durationMs, now)
  if (left === 0) return 'over'
  if (state.status === 'paused') return 'paused'
  return left <= WARNING_MS ? 'warning' : 'running'
}

export function start(state: TimerState, now: number): TimerState {
  if (state.status === 'running') return state
  return { ...state, status: 'running', startedAt: now }
}

export function pause(state: TimerState, now: number): TimerState {
  if (state.status !== 'running') return state
  return { ...state, status: 'paused', elapsedMs: elapsed(state, now), startedAt: null }
}

export function addTime(state: TimerState, ms: number): TimerState {
  return { ...state, extraMs: state.extraMs + Math.max(0, ms) }
}

export function reset(state: TimerState): TimerState {
  return idleTimer(state.stepId)
}

/** "12:05" for the countdown; minutes may exceed 59. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}
