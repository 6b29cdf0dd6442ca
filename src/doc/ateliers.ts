/**
 * Ateliers and their progress: which step of the trame the group is on, its step timer, when
 * the atelier started and when it transmitted its proposals to the plenary. Shared data: both
 * tablets of a binôme, the coordinator and the projector see the same.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { newId } from './ids'
import {
  ateliersOf,
  byPosition,
  mapOf,
  patchEntries,
  positionAfterMove,
  validEntries,
} from './layout'
import { ensureNotes } from './notes'
import { origins, type Origin } from './origins'
import { readScript, type Step } from './script'
import { idleTimer, timerStateSchema, type TimerState } from './timer'
import {
  entityIdSchema,
  isEntityId,
  positionSchema,
  readEntity,
  timestampSchema,
} from './untrusted'

export const ATELIER_NAME_MAX = 80
/** Room names and first names: short, and never more than a first name (personal data). */
export const ATELIER_DETAIL_MAX = 60

export const atelierSchema = z.object({
  id: entityIdSchema,
  name: z.string().max(ATELIER_NAME_MAX),
  position: positionSchema,
  room: z.string().max(ATELIER_DETAIL_MAX).default(''),
  /** First names only, optional. */
  facilitatorName: z.string().max(ATELIER_DETAIL_MAX).default(''),
  reporterName: z.string().max(ATELIER_DETAIL_MAX).default(''),
  /** Removed by the coordinator (ms); kept so it can be restored with everything it holds. */
  removedAt: timestampSchema.nullable().default(null),
  currentStepId: entityIdSchema.nullable().default(null),
  timer: timerStateSchema.nullable().default(null),
  /** First time a step timer was started in this atelier (ms). */
  startedAt: timestampSchema.nullable().default(null),
  /** Last "Transmettre à la plénière" (ms). */
  transmittedAt: timestampSchema.nullable().default(null),
})
export type Atelier = z.infer<typeof atelierSchema>

/** All ateliers, removed ones included, in order. */
export function readAteliers(doc: Y.Doc): Atelier[] {
  return validEntries(ateliersOf(doc), atelierSchema).sort(byPosition)
}

/** Writes a new atelier; call inside a transaction. */
export function writeAtelier(doc: Y.Doc, name: string, position: number, steps: Step[]): string {
  const id = newId()
  ateliersOf(doc).set(id, mapOf({ name, position, currentStepId: steps[0]?.id ?? null }))
  ensureNotes(doc, [id], steps)
  return id
}

export function addAtelier(doc: Y.Doc, name: string, origin: Origin = origins.local): string {
  const valid = atelierSchema.shape.name.min(1).parse(name.trim())
  let id = ''
  doc.transact(() => {
    const last = readAteliers(doc).at(-1)
    id = writeAtelier(doc, valid, (last?.position ?? -1) + 1, readScript(doc))
  }, origin)
  return id
}

export type AtelierDetails = Pick<Atelier, 'name' | 'room' | 'facilitatorName' | 'reporterName'>

const detailsSchema = atelierSchema
  .pick({ name: true, room: true, facilitatorName: true, reporterName: true })
  .partial()
  .extend({ name: z.string().trim().min(1).max(ATELIER_NAME_MAX).optional() })

export function updateAtelier(doc: Y.Doc, atelierId: string, patch: Partial<AtelierDetails>): void {
  const fields = patchEntries(detailsSchema, patch)
  doc.transact(() => {
    const map = atelierMap(doc, atelierId)
    for (const [key, value] of fields) map.set(key, value)
  }, origins.local)
}

/**
 * The field of an atelier's entry that holds the hash of its atelier key
 * (`links/capability.ts`, `atelierKeyCheck`): the relay lets a tablet presenting that key write
 * this atelier's part of the meeting. Only the coordinator's device writes it; readers of the
 * app never rely on it (a holder of the write key can put anything there).
 */
export const KEY_CHECK_FIELD = 'keyCheck'

/**
 * Writes the key check of every atelier that lacks it or holds another value. The value is
 * derived from the write key, so two coordinator devices writing it at once write the same.
 * Bookkeeping: not undoable, not counted as typed.
 */
export function ensureKeyChecks(doc: Y.Doc, keyCheckOf: (atelierId: string) => string): void {
  const stale: Array<[Y.Map<unknown>, string]> = []
  ateliersOf(doc).forEach((map, atelierId) => {
    if (!(map instanceof Y.Map) || !isEntityId(atelierId)) return
    const expected = keyCheckOf(atelierId)
    if (map.get(KEY_CHECK_FIELD) !== expected) stale.push([map, expected])
  })
  if (stale.length === 0) return
  doc.transact(() => {
    for (const [map, expected] of stale) map.set(KEY_CHECK_FIELD, expected)
  }, origins.presence)
}

/** Removes an atelier from the evening; its notes and proposals stay, to restore it whole. */
export function removeAtelier(doc: Y.Doc, atelierId: string, now = Date.now()): void {
  doc.transact(() => atelierMap(doc, atelierId).set('removedAt', now), origins.local)
}

export function restoreAtelier(doc: Y.Doc, atelierId: string): void {
  doc.transact(() => atelierMap(doc, atelierId).set('removedAt', null), origins.local)
}

/** Moves an atelier one place up or down among the ateliers of the evening. */
export function moveAtelier(doc: Y.Doc, atelierId: string, direction: -1 | 1): void {
  const list = readAteliers(doc).filter((atelier) => atelier.removedAt === null)
  const position = positionAfterMove(
    list,
    list.findIndex((atelier) => atelier.id === atelierId),
    direction,
  )
  if (position === null) return
  doc.transact(() => atelierMap(doc, atelierId).set('position', position), origins.local)
}

function atelierMap(doc: Y.Doc, atelierId: string): Y.Map<unknown> {
  const map = ateliersOf(doc).get(atelierId)
  if (!(map instanceof Y.Map)) throw new Error(`unknown atelier ${atelierId}`)
  return map
}

/** Moves the atelier to a step of the trame; that step's timer starts from zero. */
export function goToStep(doc: Y.Doc, atelierId: string, stepId: string): void {
  if (!readScript(doc).some((step) => step.id === stepId)) throw new Error(`unknown step ${stepId}`)
  doc.transact(() => {
    const map = atelierMap(doc, atelierId)
    map.set('currentStepId', stepId)
    map.set('timer', idleTimer(stepId))
  }, origins.local)
}

/** The timer of the atelier's current step (idle if it never ran). */
export function currentTimer(atelier: Atelier): TimerState | null {
  if (atelier.currentStepId === null) return null
  return atelier.timer?.stepId === atelier.currentStepId
    ? atelier.timer
    : idleTimer(atelier.currentStepId)
}

/**
 * Applies a timer operation (start, pause, addTime, reset from `timer.ts`) to the current step.
 * The whole state is written as one value: of two simultaneous presses, Yjs keeps the same one
 * on every device.
 */
export function updateTimer(
  doc: Y.Doc,
  atelierId: string,
  operation: (state: TimerState) => TimerState,
  now = Date.now(),
): void {
  doc.transact(() => {
    const map = atelierMap(doc, atelierId)
    const atelier = readEntity(atelierSchema, map, { id: atelierId })
    const state = atelier && currentTimer(atelier)
    if (!state) return
    const next = operation(state)
    if (next === state) return
    map.set('timer', next)
    if (next.status === 'running' && atelier.startedAt === null) map.set('startedAt', now)
  }, origins.local)
}

export function transmit(doc: Y.Doc, atelierId: string, now = Date.now()): void {
  doc.transact(() => atelierMap(doc, atelierId).set('transmittedAt', now), origins.local)
}
