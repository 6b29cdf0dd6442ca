/**
 * The trame (script): the ordered steps every atelier of a meeting follows — same questions,
 * same timing. Shared data. Each step: a title, a consigne for the animateur, the questions put
 * to the group, a duration. Editing the trame is the coordinator's (issue "préparer"); ateliers
 * only read it.
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
  scriptOf,
  validEntries,
} from './layout'
import { ensureNotes } from './notes'
import { origins } from './origins'
import { entityIdSchema, positionSchema } from './untrusted'

export const questionSchema = z.object({ id: entityIdSchema, text: z.string().max(500) })
export type Question = z.infer<typeof questionSchema>

export const stepSchema = z.object({
  id: entityIdSchema,
  position: positionSchema,
  title: z.string().max(120),
  instructions: z.string().max(2000),
  questions: z.array(questionSchema).max(20),
  durationMinutes: z.number().int().min(1).max(600),
})
export type Step = z.infer<typeof stepSchema>

export type StepDraft = Omit<Step, 'id' | 'position' | 'questions'> & { questions: string[] }

/** The usual 90-minute atelier of a Comité des usagers evening. */
export const STANDARD_SCRIPT: StepDraft[] = [
  {
    title: 'Accueil et tour de table',
    instructions:
      'Présentez le binôme et le déroulé. Rappelez les règles : chacun parle à son tour, on écoute sans juger, ce qui est dit ici reste ici. Faites un tour de table de ce qui amène chacun ; chacun se présente s’il le souhaite, et l’on ne note pas qui parle.',
    questions: ['Qu’attendez-vous de cet atelier ?'],
    durationMinutes: 10,
  },
  {
    title: 'Constats',
    instructions:
      'Faites parler d’abord les usagers. Notez les situations vécues, sans noms. Relancez sur ce qui fonctionne autant que sur ce qui bloque.',
    questions: ['Qu’est-ce qui fonctionne bien aujourd’hui ?', 'Qu’est-ce qui pose problème ?'],
    durationMinutes: 25,
  },
  {
    title: 'Pistes d’action',
    instructions:
      'Transformez les constats en propositions concrètes. Le groupe doit en faire émerger au moins deux.',
    questions: ['Que proposez-vous pour améliorer la situation ?'],
    durationMinutes: 30,
  },
  {
    title: 'Choix des propositions',
    instructions:
      'Relisez les propositions à voix haute. Le groupe en valide deux ou trois pour la plénière.',
    questions: ['Quelles propositions portons-nous en plénière ?'],
    durationMinutes: 15,
  },
  {
    title: 'Préparer la restitution',
    instructions:
      'Le rapporteur relit les propositions validées ; le groupe vérifie que la formulation est fidèle.',
    questions: ['Comment présenter nos propositions à la plénière ?'],
    durationMinutes: 10,
  },
]

/**
 * For a committee's first meeting: getting to know each other and choosing what to work on.
 * The seeds note that the first meeting's theme and facilitation carry over from one city to
 * another; like every trame, it brings the group to at least two proposals.
 */
export const FIRST_MEETING_SCRIPT: StepDraft[] = [
  {
    title: 'Faire connaissance',
    instructions:
      'Présentez le comité : ce n’est pas une instance de décision, il propose et les élus décident. Tour de table de ce qui amène chacun, sans obligation de se présenter ; l’on ne note pas qui parle.',
    questions: ['Qu’est-ce qui vous a donné envie de venir ?'],
    durationMinutes: 15,
  },
  {
    title: 'Ce que nous vivons avec le CCAS',
    instructions:
      'Partez de l’expérience des usagers : l’accueil, l’information, les démarches. Notez les situations sans noms.',
    questions: ['Qu’est-ce qui vous aide ?', 'Qu’est-ce qui est difficile ?'],
    durationMinutes: 30,
  },
  {
    title: 'Nos premières propositions',
    instructions:
      'Chacun peut proposer ; reformulez à voix haute pour vérifier. Le groupe doit en faire émerger au moins deux.',
    questions: ['Que faudrait-il changer en premier ?'],
    durationMinutes: 30,
  },
  {
    title: 'Choisir et préparer la restitution',
    instructions:
      'Le groupe valide deux ou trois propositions. Le rapporteur les relit ; on se met d’accord sur la formulation.',
    questions: ['Quelles propositions portons-nous en plénière ?'],
    durationMinutes: 15,
  },
]

/** Templates every committee has, before it saves its own. */
export const BUILT_IN_TEMPLATES: ReadonlyArray<{ id: string; name: string; steps: StepDraft[] }> = [
  { id: 'builtin-standard', name: 'Atelier standard (90 min)', steps: STANDARD_SCRIPT },
  {
    id: 'builtin-first',
    name: 'Première rencontre du comité (90 min)',
    steps: FIRST_MEETING_SCRIPT,
  },
]

/** Writes the steps of a new meeting; call inside the creating transaction. */
export function writeScript(doc: Y.Doc, drafts: StepDraft[]): Step[] {
  return drafts.map((draft, position) => {
    const step: Step = {
      ...draft,
      id: newId(),
      position,
      questions: draft.questions.map((text) => ({ id: newId(), text })),
    }
    const { id, ...fields } = step
    scriptOf(doc).set(id, mapOf(fields))
    return step
  })
}

export function readScript(doc: Y.Doc): Step[] {
  return validEntries(scriptOf(doc), stepSchema).sort(byPosition)
}

export const scriptDurationMinutes = (steps: Step[]) =>
  steps.reduce((sum, step) => sum + step.durationMinutes, 0)

// ── Editing the trame (coordinator) ─────────────────────────────────────────────────────────

export const stepDraftSchema = z.object({
  title: z.string().trim().min(1).max(120),
  instructions: z.string().max(2000),
  questions: z.array(z.string().trim().min(1).max(500)).max(20),
  durationMinutes: z.number().int().min(1).max(600),
})

/** Adds a step at the end of the trame, with an empty note for each atelier and question. */
export function addStep(doc: Y.Doc, draft: StepDraft): string {
  const valid = stepDraftSchema.parse(draft)
  let id = ''
  doc.transact(() => {
    const last = readScript(doc).at(-1)
    const step: Step = {
      ...valid,
      id: newId(),
      position: (last?.position ?? -1) + 1,
      questions: valid.questions.map((text) => ({ id: newId(), text })),
    }
    const { id: stepId, ...fields } = step
    scriptOf(doc).set(stepId, mapOf(fields))
    ensureNotes(doc, Array.from(ateliersOf(doc).keys()), [step])
    id = stepId
  }, origins.local)
  return id
}

export interface StepEdit {
  title?: string
  instructions?: string
  durationMinutes?: number
  /** The questions in order: an existing id keeps its notes, `id: null` is a new question. */
  questions?: Array<{ id: string | null; text: string }>
}

/** Edits a step. A question that keeps its id keeps the notes taken on it. */
export function updateStep(doc: Y.Doc, stepId: string, edit: StepEdit): void {
  const fields = patchEntries(stepDraftSchema.partial().omit({ questions: true }), edit)
  const questions = edit.questions?.map((question) => ({
    id: question.id ?? newId(),
    text: questionSchema.shape.text.trim().min(1).parse(question.text),
  }))
  doc.transact(() => {
    const map = scriptOf(doc).get(stepId)
    if (!(map instanceof Y.Map)) throw new Error(`unknown step ${stepId}`)
    for (const [key, value] of fields) map.set(key, value)
    if (questions) {
      map.set('questions', questions)
      const step = readScript(doc).find((candidate) => candidate.id === stepId)
      if (step) ensureNotes(doc, Array.from(ateliersOf(doc).keys()), [step])
    }
  }, origins.local)
}

/** Removes a step from the trame. Notes already taken on it stay in the document. */
export function removeStep(doc: Y.Doc, stepId: string): void {
  doc.transact(() => scriptOf(doc).delete(stepId), origins.local)
}

export function moveStep(doc: Y.Doc, stepId: string, direction: -1 | 1): void {
  const steps = readScript(doc)
  const position = positionAfterMove(
    steps,
    steps.findIndex((step) => step.id === stepId),
    direction,
  )
  if (position === null) return
  doc.transact(() => scriptOf(doc).get(stepId)?.set('position', position), origins.local)
}

/** The trame as drafts, without ids: what a template stores and a new meeting copies. */
export function toDrafts(steps: Step[]): StepDraft[] {
  return steps.map(({ title, instructions, questions, durationMinutes }) => ({
    title,
    instructions,
    durationMinutes,
    questions: questions.map((question) => question.text),
  }))
}
