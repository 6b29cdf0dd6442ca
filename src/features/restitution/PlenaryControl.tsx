import { useMemo, useState } from 'react'
import { lastSeenByAtelier } from '../../doc/devices'
import { buildWall } from '../../doc/grouping'
import { setScreen, type PlenaryScreen } from '../../doc/plenary'
import { pick, useMeetingPart } from '../../hooks/useMeetingPart'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Tabs } from '../../ui/Tabs'
import { PlenaryProposals } from './PlenaryProposals'
import { PlenaryRanking } from './PlenaryRanking'
import { PlenaryVotes } from './PlenaryVotes'
import { ScreenBar } from './ScreenBar'
import { ScreenPanel } from './ScreenPanel'
import '../../ui/votes.css'
import './restitution.css'

type View = 'screen' | 'proposals' | 'votes' | 'ranking'
const VIEWS: View[] = ['screen', 'proposals', 'votes', 'ranking']

/**
 * What the room sees while the coordinator works in each part: opening "Classement" puts the
 * ranking on the projector, "Propositions" and "Vote" the wall. One tap, one meaning: the tab
 * open and the screen shown never tell two stories (the bar's list picks any screen).
 */
const SCREEN_OF_VIEW: Record<View, PlenaryScreen | null> = {
  screen: null,
  proposals: 'wall',
  votes: 'wall',
  ranking: 'ranking',
}

/** What the plenary tabs show: never the ateliers' notes (each debate note reads its own). */
const selectPlenary = pick(['plenary', 'ateliers', 'proposals', 'grouping', 'devices', 'votes'])
export type PlenaryMeeting = ReturnType<typeof selectPlenary>

/**
 * The coordinator's plenary: drives what the projector shows (opening screens, the wall, the
 * ranking), enlarges an atelier or a proposal while its rapporteur speaks, notes the debate,
 * groups similar proposals, enters the show of hands and marks what the plenary retains.
 * Everything is shared: a second coordinator device can help, and the projector follows.
 */
export function PlenaryControl({ session }: { session: MeetingSession }) {
  const [view, setView] = useState<View>('screen')
  const meeting = useMeetingPart(session.doc, selectPlenary)
  const wall = useMemo(() => buildWall(meeting, lastSeenByAtelier(meeting.devices)), [meeting])
  return (
    <div className="page page--wide plenary" data-testid="plenary-control">
      <ScreenBar meeting={meeting} session={session} items={wall.items} />
      {/* Sub-tabs, drawn as such: a lighter level than the coordinator's steps above. */}
      <Tabs
        tabs={VIEWS}
        current={view}
        labels={t.plenary.views}
        onChange={(candidate) => {
          setView(candidate)
          const screen = SCREEN_OF_VIEW[candidate]
          if (screen !== null && screen !== meeting.plenary.screen) setScreen(session.doc, screen)
        }}
        label={t.plenary.viewsLabel}
        className="tabs--sub"
      />
      <p className="help plenary__views-help">{t.plenary.viewsProject}</p>
      {view === 'screen' && <ScreenPanel session={session} />}
      {view === 'proposals' && <PlenaryProposals meeting={meeting} session={session} wall={wall} />}
      {view === 'votes' && <PlenaryVotes meeting={meeting} session={session} wall={wall} />}
      {view === 'ranking' && <PlenaryRanking meeting={meeting} session={session} wall={wall} />}
    </div>
  )
}
