import { useMemo, useRef } from 'react'
import { lastSeenByAtelier } from '../../doc/devices'
import { buildWall } from '../../doc/grouping'
import type { Meeting } from '../../doc/meetingDoc'
import { useNow } from '../../hooks/useNow'
import { t } from '../../ui/strings'
import { useFitText } from './useFitText'
import { WallAtelierCard } from './WallAtelierCard'
import { WallGroupCard } from './WallGroupCard'
import { WallSpotlight } from './WallSpotlight'

/** "il y a 3 min" on waiting ateliers moves on by itself. */
const CLOCK_TICK_MS = 30_000

/**
 * The restitution wall: every atelier's transmitted proposals, grouped by atelier, arriving
 * live, then the groups; no scrolling, the type as large as the screen allows. When the
 * coordinator spotlights an atelier or a proposal, it fills the screen instead.
 */
export function RestitutionWall({ meeting }: { meeting: Meeting }) {
  const now = useNow(CLOCK_TICK_MS)
  const wall = useMemo(() => buildWall(meeting, lastSeenByAtelier(meeting.devices)), [meeting])
  const ref = useRef<HTMLDivElement>(null)
  const cards = wall.ateliers.length + wall.groups.length
  useFitText(ref, { min: 1.4, max: 6, cards, content: [wall, now] })

  const { spotlight } = meeting.plenary
  const spotAtelier =
    spotlight?.kind === 'atelier'
      ? wall.ateliers.find((entry) => entry.atelier.id === spotlight.id)
      : undefined
  const spotItem =
    spotlight?.kind === 'item' ? wall.items.find((item) => item.id === spotlight.id) : undefined
  if (spotItem) return <WallSpotlight meeting={meeting} item={spotItem} />
  if (spotAtelier) return <SpotlitAtelier meeting={meeting} entry={spotAtelier} now={now} />

  return (
    <div className="wallboard" data-testid="wall">
      <header className="wallboard__head">
        <h1 className="wallboard__title">{t.wall.title}</h1>
        <p className="wallboard__count" data-testid="wall-transmitted">
          {t.wall.transmitted(wall.transmittedCount, wall.ateliers.length)}
        </p>
      </header>
      <div className="wallboard__grid" ref={ref}>
        {wall.ateliers.map((entry) => (
          <WallAtelierCard key={entry.atelier.id} entry={entry} script={meeting.script} now={now} />
        ))}
        {wall.groups.map((item) => (
          <WallGroupCard key={item.id} item={item} />
        ))}
      </div>
    </div>
  )
}

function SpotlitAtelier({
  meeting,
  entry,
  now,
}: {
  meeting: Meeting
  entry: Parameters<typeof WallAtelierCard>[0]['entry']
  now: number
}) {
  const ref = useRef<HTMLDivElement>(null)
  useFitText(ref, { min: 2, max: 8, content: [entry, now] })
  return (
    <div className="spotlight spotlight--atelier" ref={ref} data-testid="wall-spotlight">
      <WallAtelierCard entry={entry} script={meeting.script} now={now} spotlit />
    </div>
  )
}
