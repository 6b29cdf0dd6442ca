import { useState } from 'react'
import type { Atelier } from '../../doc/ateliers'
import type { Meeting } from '../../doc/meetingDoc'
import { restoreProposal, type Proposal } from '../../doc/proposals'
import { proposalWarnings } from '../../doc/rules'
import { useUndoManager } from '../../hooks/useUndoManager'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { ProposalBin } from './ProposalBin'
import { ProposalForm } from './ProposalForm'
import { ProposalItem } from './ProposalItem'
import { TransmitPanel } from './TransmitPanel'
import { Button } from '../../ui/Button'

interface Props {
  meeting: Pick<Meeting, 'script' | 'proposals'>
  session: MeetingSession
  atelier: Atelier
}

/** The group's proposals: capture, edit, order, validate 2 or 3, transmit to the plenary. */
export function ProposalsPanel({ meeting, session, atelier }: Props) {
  const { undo, redo, canUndo, canRedo } = useUndoManager(session.doc)
  const [lastBinned, setLastBinned] = useState<Proposal | null>(null)
  const mine = meeting.proposals.filter((p) => p.atelierId === atelier.id)
  const active = mine.filter((p) => p.deletedAt === null)
  const binned = mine.filter((p) => p.deletedAt !== null)
  const warnings = proposalWarnings(mine)
  const stepTitle = (stepId: string | null) =>
    meeting.script.find((step) => step.id === stepId)?.title
  return (
    <section className="card proposals">
      <h2>
        {t.atelier.proposals} <span className="muted">({active.length})</span>
      </h2>
      <ProposalForm session={session} atelierId={atelier.id} stepId={atelier.currentStepId} />
      {active.length === 0 ? (
        <p className="help">{t.atelier.empty}</p>
      ) : (
        <ol className="proposal-list" data-testid="proposal-list">
          {active.map((proposal, index) => (
            <ProposalItem
              key={proposal.id}
              session={session}
              proposal={proposal}
              atelier={atelier}
              stepTitle={stepTitle(proposal.stepId)}
              isFirst={index === 0}
              isLast={index === active.length - 1}
              onBinned={setLastBinned}
            />
          ))}
        </ol>
      )}
      {lastBinned && binned.some((p) => p.id === lastBinned.id) && (
        <div className="undo-notice" role="status" data-testid="binned-notice">
          <p>{t.atelier.binned(lastBinned.text)}</p>
          <Button
            secondary
            onClick={() => {
              restoreProposal(session.doc, lastBinned.id)
              setLastBinned(null)
            }}
          >
            {t.atelier.restore}
          </Button>
        </div>
      )}
      {warnings.length > 0 && (
        <ul className="warnings" data-testid="proposal-warnings">
          {warnings.map((warning) => (
            <li key={warning.kind}>{t.atelier.warnings[warning.kind](warning.count)}</li>
          ))}
        </ul>
      )}
      <div className="proposals__actions">
        <TransmitPanel
          session={session}
          atelier={atelier}
          validatedCount={active.filter((p) => p.validated).length}
        />
        <div className="inline-actions">
          <Button secondary disabled={!canUndo} onClick={undo}>
            {t.atelier.undo}
          </Button>
          <Button secondary disabled={!canRedo} onClick={redo}>
            {t.atelier.redo}
          </Button>
        </div>
      </div>
      {binned.length > 0 && <ProposalBin session={session} proposals={binned} />}
    </section>
  )
}
