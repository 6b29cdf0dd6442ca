import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  currentTimer,
  ensureKeyChecks,
  goToStep,
  KEY_CHECK_FIELD,
  readAteliers,
  updateTimer,
} from './ateliers'
import { ateliersOf } from './layout'
import { origins } from './origins'
import { createMeeting, readMeeting } from './meetingDoc'
import { addTime, remaining, start } from './timer'
import { atelierSchedule } from './schedule'

const MIN = 60_000

function meeting() {
  const doc = new Y.Doc()
  const [atelierId] = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
  return { doc, atelierId: atelierId! }
}

describe('atelier progress', () => {
  it('starts on the first step with an idle timer', () => {
    const { doc } = meeting()
    const [atelier] = readAteliers(doc)
    const first = readMeeting(doc).script[0]!
    expect(atelier!.currentStepId).toBe(first.id)
    expect(currentTimer(atelier!)).toMatchObject({ stepId: first.id, status: 'idle' })
  })

  it('records when the atelier started, once', () => {
    const { doc, atelierId } = meeting()
    updateTimer(doc, atelierId, (s) => start(s, 1000), 1000)
    updateTimer(doc, atelierId, (s) => addTime(s, MIN), 9000)
    expect(readAteliers(doc)[0]!.startedAt).toBe(1000)
  })

  it('gives each step its own timer, from zero', () => {
    const { doc, atelierId } = meeting()
    const steps = readMeeting(doc).script
    updateTimer(doc, atelierId, (s) => start(s, 0))
    goToStep(doc, atelierId, steps[1]!.id)
    const timer = currentTimer(readAteliers(doc)[0]!)!
    expect(timer).toMatchObject({ stepId: steps[1]!.id, status: 'idle' })
    expect(remaining(timer, steps[1]!.durationMinutes * MIN, 10 * MIN)).toBe(
      steps[1]!.durationMinutes * MIN,
    )
    expect(() => goToStep(doc, atelierId, 'nope')).toThrow()
  })

  it('tells the time left for the whole atelier and the delay against its schedule', () => {
    const { doc, atelierId } = meeting()
    const steps = readMeeting(doc).script // 10 + 25 + 30 + 15 + 10 = 90 min
    updateTimer(doc, atelierId, (s) => start(s, 0), 0)
    let schedule = atelierSchedule(steps, readAteliers(doc)[0]!, 4 * MIN)
    expect(schedule).toEqual({ leftMs: 86 * MIN, plannedEnd: 90 * MIN, delayMs: 0 })
    // The first step overruns by 5 minutes: the rest of the trame now ends 5 minutes late.
    updateTimer(doc, atelierId, (s) => addTime(s, 5 * MIN))
    schedule = atelierSchedule(steps, readAteliers(doc)[0]!, 15 * MIN)
    expect(schedule.delayMs).toBe(5 * MIN)
  })
})

describe('key checks', () => {
  it('writes each atelier its check when missing or altered, once, out of the undo history', () => {
    const doc = new Y.Doc()
    const ids = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A', 'B'] })
    const checkOf = (id: string) => `check-${id}`
    const updates: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin))
    ensureKeyChecks(doc, checkOf)
    ensureKeyChecks(doc, checkOf)
    expect(updates).toEqual([origins.presence])
    for (const id of ids) expect(ateliersOf(doc).get(id)!.get(KEY_CHECK_FIELD)).toBe(checkOf(id))
    ateliersOf(doc).get(ids[0]!)!.set(KEY_CHECK_FIELD, 'forged')
    ensureKeyChecks(doc, checkOf)
    expect(ateliersOf(doc).get(ids[0]!)!.get(KEY_CHECK_FIELD)).toBe(checkOf(ids[0]!))
    // An entry that is no atelier is left alone.
    ateliersOf(doc).set('__proto__', 'junk' as never)
    ensureKeyChecks(doc, checkOf)
    expect(ateliersOf(doc).get('__proto__')).toBe('junk')
  })
})
