import { useMemo } from 'react'
import type * as Y from 'yjs'
import { lastSeenByAtelier } from '../../doc/devices'
import { buildWall, type WallAtelier } from '../../doc/grouping'
import type { Spotlight } from '../../doc/plenary'
import type { Step } from '../../doc/script'
import { pick, useMeetingPart } from '../../hooks/useMeetingPart'
import { useNow } from '../../hooks/useNow'
import { t } from '../../text/strings'
import { useFitText } from './useFitText'
import { WallAtelierCard } from './WallAtelierCard'
import { WallGroupCard } from './WallGroupCard'
import { WallSpotlight } from './WallSpotlight'
import { ErrorBoundary } from '../../ui/ErrorBoundary'

/** "il y a 3 min" on waiting ateliers moves on by itself. */
const CLOCK_TICK_MS = 30_000

/** What the wall shows: never the notes, so typing in an atelier does not touch it. */
export const selectWall = pick(['ateliers', 'proposals', 'grouping', 'devices', 'script'])

interface Props {
  doc: Y.Doc
  spotlight: Spotlight | null
}

/**
 * The restitution wall: every atelier's transmitted proposals, grouped by atelier, arriving
 * live, then the groups; no scrolling, the type as large as the screen allows. When the
 * coordinator spotlights an atelier or a proposal, it fills the screen instead.
 */
export function RestitutionWall({ doc, spotlight }: Props) {
  const now = useNow(CLOCK_TICK_MS)
  const shown = useMeetingPart(doc, selectWall)
  const wall = useMemo(() => buildWall(shown, lastSeenByAtelier(shown.devices)), [shown])
  const fitRef = useFitText({ min: 1.4, max: 6, cards: wall.ateliers.length + wall.groups.length })

  const spotAtelier =
    spotlight?.kind === 'atelier'
      ? wall.ateliers.find((entry) => entry.atelier.id === spotlight.id)
      : undefined
  const spotItem =
    spotlight?.kind === 'item' ? wall.items.find((item) => item.id === spotlight.id) : undefined
  if (spotItem) return <WallSpotlight doc={doc} item={spotItem} />
  if (spotAtelier) return <SpotlitAtelier entry={spotAtelier} script={shown.script} now={now} />

  return (
    <div className="wallboard" data-testid="wall">
      <header className="wallboard__head">
        <h1 className="wallboard__title">{t.wall.title}</h1>
        <p className="wallboard__count" data-testid="wall-transmitted">
          {t.wall.transmitted(wall.transmittedCount, wall.ateliers.length)}
        </p>
      </header>
      <div className="wallboard__grid" ref={fitRef}>
        {wall.ateliers.map((entry) => (
          <ErrorBoundary key={entry.atelier.id} scope="card" resetKey={entry}>
            <WallAtelierCard
              entry={entry}
              script={shown.script}
              now={entry.transmitted ? null : now}
            />
          </ErrorBoundary>
        ))}
        {wall.groups.map((item) => (
          <ErrorBoundary key={item.id} scope="card" resetKey={item}>
            <WallGroupCard item={item} />
          </ErrorBoundary>
        ))}
      </div>
    </div>
  )
}

function SpotlitAtelier({
  entry,
  script,
  now,
}: {
  entry: WallAtelier
  script: Step[]
  now: number
}) {
  const fitRef = useFitText({ min: 2, max: 8 })
  return (
    <div className="spotlight spotlight--atelier" ref={fitRef} data-testid="wall-spotlight">
      <WallAtelierCard entry={entry} script={script} now={entry.transmitted ? null : now} spotlit />
    </div>
  )
}
