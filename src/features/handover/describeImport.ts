import type { ImportResult } from '../../handover/importHandover'
import type { MergeReport } from '../../handover/mergeReport'
import { t } from '../../ui/strings'

export interface ImportOutcome {
  ok: boolean
  /** One or two sentences in French, for the person who chose the file. */
  message: string
}

/**
 * What to tell after importing the file `fileName`, e.g.
 * "Fichier de « Santé » : 3 propositions ajoutées, 1 modifiée."
 */
export function describeImport(fileName: string, result: ImportResult): ImportOutcome {
  if (!result.ok) {
    const message = `${t.handover.refusedTitle(fileName)} ${t.handover.refusals[result.reason]} ${t.handover.unchanged}`
    return { ok: false, message }
  }
  if (!result.changed) return { ok: true, message: t.handover.nothingNew }
  const from = result.atelier ? t.handover.fromAtelier(result.atelier.name) : t.handover.fromMeeting
  return { ok: true, message: `${t.labelled(from, summarise(result.report))}.` }
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
