import type { ImportPreview } from '../../handover/importHandover'
import type { MergeReport } from '../../handover/mergeReport'
import { t } from '../../text/strings'

export interface ImportOutcome {
  ok: boolean
  /** One or two sentences in French, for the person who chose the file. */
  message: string
}

/** What to show before merging a file that changes the meeting: what, where, and the risks. */
export interface ImportConfirmation {
  /** "Fichier de « Santé » : 3 propositions ajoutées, 1 mise à la corbeille." */
  message: string
  /** Which ateliers its content changes, when it says anything. */
  touches: string | null
  /** What deserves a second look: deletions, or content beyond the atelier it claims. */
  warnings: string[]
}

/**
 * What to tell once the file `fileName` was read: a refusal or "nothing new" (final), or `null`
 * when it changes the meeting and needs the coordinator's confirmation (`describeConfirmation`).
 */
export function describeImport(fileName: string, preview: ImportPreview): ImportOutcome | null {
  if (!preview.ok) {
    const message = `${t.handover.refusedTitle(fileName)} ${t.handover.refusals[preview.reason]} ${t.handover.unchanged}`
    return { ok: false, message }
  }
  if (!preview.changed) return { ok: true, message: t.handover.nothingNew }
  return null
}

export function describeConfirmation(
  preview: Extract<ImportPreview, { ok: true }>,
): ImportConfirmation {
  const from = preview.atelier
    ? t.handover.fromAtelier(preview.atelier.name)
    : t.handover.fromMeeting
  const warnings: string[] = []
  if (preview.report.some((change) => change.destructive)) warnings.push(t.handover.destructive)
  const others = preview.touched.filter((name) => name !== preview.atelier?.name)
  if (preview.atelier && others.length > 0)
    warnings.push(t.handover.touchesOthers(preview.atelier.name, others))
  return {
    message: `${t.labelled(from, summarise(preview.report))}.`,
    touches: preview.touched.length > 0 ? t.handover.touches(preview.touched) : null,
    warnings,
  }
}

/** "3 propositions ajoutées, 1 modifiée": a noun is said once for consecutive changes. */
export function summarise(report: MergeReport): string {
  if (report.length === 0) return t.handover.nothingCounted
  return report
    .map((change, index) =>
      t.handover.changes[change.kind](change.count, report[index - 1]?.entity === change.entity),
    )
    .join(', ')
}
