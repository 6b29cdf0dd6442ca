/**
 * The rules of an atelier's proposals, from the committees' own practice: every atelier brings
 * out at least two proposals, and the group validates two or three of them for the plenary.
 * The app warns; it never blocks — the group decides.
 */
import type { Atelier } from './ateliers'
import type { Proposal } from './proposals'

export const MIN_PROPOSALS = 2
export const MIN_VALIDATED = 2
export const MAX_VALIDATED = 3

export type ProposalWarning =
  | { kind: 'tooFewProposals'; count: number }
  | { kind: 'tooFewValidated'; count: number }
  | { kind: 'tooManyValidated'; count: number }

export function proposalWarnings(proposals: Proposal[]): ProposalWarning[] {
  const active = proposals.filter((p) => p.deletedAt === null)
  const validated = active.filter((p) => p.validated).length
  const warnings: ProposalWarning[] = []
  if (active.length < MIN_PROPOSALS)
    warnings.push({ kind: 'tooFewProposals', count: active.length })
  if (validated < MIN_VALIDATED) warnings.push({ kind: 'tooFewValidated', count: validated })
  if (validated > MAX_VALIDATED) warnings.push({ kind: 'tooManyValidated', count: validated })
  return warnings
}

/** A proposal changed after its atelier transmitted: the coordinator must see it. */
export function changedAfterTransmission(proposal: Proposal, atelier: Atelier): boolean {
  return atelier.transmittedAt !== null && proposal.updatedAt > atelier.transmittedAt
}
