import { useState } from 'react'
import type { Committee } from '../../doc/committeeDoc'
import { readIdeaBank } from '../../doc/ideaBank'
import { useDocSnapshot } from '../../hooks/useDocSnapshot'
import type { MeetingSession } from '../../sync/meetingSession'
import { Tabs } from '../../ui/Tabs'
import { t } from '../../text/strings'
import { AxesCriteriaEditor } from './AxesCriteriaEditor'
import { IdeaCollect } from './IdeaCollect'
import { IdeaRankingPanel } from './IdeaRankingPanel'
import { IdeaSorter } from './IdeaSorter'
import { IdeaVotePanel } from './IdeaVotePanel'
import { SievePanel } from './SievePanel'
import { Button } from '../../ui/Button'
import '../../ui/votes.css'
import './ideas.css'

const VIEWS = ['collect', 'sort', 'setup', 'sieve', 'vote', 'ranking'] as const
type View = (typeof VIEWS)[number]

/**
 * The idea bank of the committee (the Angers pattern): collect ideas, sort them into axes,
 * sieve them against criteria, vote by collège and choose the chantiers, which go to the
 * tableau de suivi. `session` is the committee's.
 */
export function IdeaBankPanel({
  committee,
  session,
}: {
  committee: Committee
  session: MeetingSession
}) {
  const bank = useDocSnapshot(session.doc, readIdeaBank)
  const [open, setOpen] = useState(false)
  const [view, setView] = useState<View>('collect')
  const projects = bank.items.filter((item) => item.projectAt !== null).length
  return (
    <section className="card idea-bank" data-testid="idea-bank">
      <div className="idea-bank__head">
        <div>
          <h2>{t.ideas.title}</h2>
          <p className="muted idea-bank__summary" data-testid="idea-bank-summary">
            {t.ideas.summary(bank.ideas.length, bank.axes.length, projects)}
          </p>
        </div>
        <Button secondary={open} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t.ideas.close : t.ideas.open}
        </Button>
      </div>
      {!open && <p className="help">{t.ideas.intro}</p>}
      {open && (
        <>
          <Tabs
            tabs={VIEWS}
            current={view}
            labels={t.ideas.views}
            onChange={setView}
            label={t.ideas.viewsLabel}
            className="tabs--sub"
          />
          {view === 'collect' && (
            <IdeaCollect committee={committee} session={session} bank={bank} />
          )}
          {view === 'sort' && <IdeaSorter session={session} bank={bank} />}
          {view === 'setup' && <AxesCriteriaEditor session={session} bank={bank} />}
          {view === 'sieve' && <SievePanel session={session} bank={bank} />}
          {view === 'vote' && <IdeaVotePanel session={session} bank={bank} />}
          {view === 'ranking' && <IdeaRankingPanel session={session} bank={bank} />}
        </>
      )}
    </section>
  )
}
