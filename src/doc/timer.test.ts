import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addTime,
  formatClock,
  idleTimer,
  pause,
  phase,
  remaining,
  reset,
  start,
  timerStateSchema,
  type TimerState,
} from './timer'

const MIN = 60_000
const duration = 10 * MIN

describe('step timer', () => {
  it('counts down while running and stops counting while paused', () => {
    let timer = start(idleTimer('s1'), 0)
    expect(remaining(timer, duration, 3 * MIN)).toBe(7 * MIN)
    timer = pause(timer, 3 * MIN)
    expect(remaining(timer, duration, 20 * MIN)).toBe(7 * MIN)
    timer = start(timer, 20 * MIN)
    expect(remaining(timer, duration, 22 * MIN)).toBe(5 * MIN)
  })

  it('adds time with +1 and +5, even after the end', () => {
    let timer = start(idleTimer('s1'), 0)
    expect(remaining(timer, duration, 12 * MIN)).toBe(0)
    timer = addTime(addTime(timer, 1 * MIN), 5 * MIN)
    expect(remaining(timer, duration, 12 * MIN)).toBe(4 * MIN)
    expect(addTime(timer, -5 * MIN)).toEqual(timer)
  })

  it('resets to the full duration, idle', () => {
    const timer = reset(addTime(start(idleTimer('s1'), 0), MIN))
    expect(timer).toEqual(idleTimer('s1'))
    expect(remaining(timer, duration, 99 * MIN)).toBe(duration)
  })

  it('ignores a start while running and a pause while not running', () => {
    const running = start(idleTimer('s1'), 0)
    expect(start(running, 5 * MIN)).toBe(running)
    const idle = idleTimer('s1')
    expect(pause(idle, 5 * MIN)).toBe(idle)
  })

  it('moves through idle, running, warning, paused and over', () => {
    const idle = idleTimer('s1')
    expect(phase(idle, duration, 0)).toBe('idle')
    const running = start(idle, 0)
    expect(phase(running, duration, MIN)).toBe('running')
    expect(phase(running, duration, 9.5 * MIN)).toBe('warning')
    expect(phase(pause(running, 5 * MIN), duration, 9.5 * MIN)).toBe('paused')
    expect(phase(running, duration, 10 * MIN)).toBe('over')
  })

  describe('with a clock that is off', () => {
    const startedOnA = start(idleTimer('s1'), 100 * MIN)
    it('a device whose clock is behind never shows more than the duration', () => {
      // Device B's clock is 3 minutes behind A's: for B, the timer started in the future.
      expect(remaining(startedOnA, duration, 98 * MIN)).toBe(duration)
    })
    it('a device whose clock is ahead never shows a negative time', () => {
      expect(remaining(startedOnA, duration, 200 * MIN)).toBe(0)
      expect(formatClock(remaining(startedOnA, duration, 200 * MIN))).toBe('0:00')
    })
    it('a pause made on the skewed device keeps the elapsed time within bounds', () => {
      const paused = pause(startedOnA, 90 * MIN)
      expect(paused.elapsedMs).toBe(0)
      expect(remaining(paused, duration, 0)).toBe(duration)
    })
  })

  it('resolves simultaneous presses on two tablets to one state on both', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getMap('t').set('timer', idleTimer('s1'))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const base = timerStateSchema.parse(a.getMap('t').get('timer'))
    a.getMap('t').set('timer', start(base, 1_000))
    b.getMap('t').set('timer', pause(start(base, 1_000), 1_500))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const onA = a.getMap('t').get('timer') as TimerState
    const onB = b.getMap('t').get('timer') as TimerState
    expect(onA).toEqual(onB)
    expect(['running', 'paused']).toContain(onA.status)
  })

  it('formats the countdown as minutes:seconds, rounding up', () => {
    expect(formatClock(0)).toBe('0:00')
    expect(formatClock(500)).toBe('0:01')
    expect(formatClock(61_000)).toBe('1:01')
    expect(formatClock(95 * MIN)).toBe('95:00')
  })
})
