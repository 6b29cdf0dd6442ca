import type { WallAtelier } from '../../doc/grouping'
import type { Step } from '../../doc/script'
import { formatAgo } from '../../text/formatAgo'
import { memoByContent } from '../../ui/memoByContent'
import { t } from '../../text/strings'
import { formatTime } from '../../text/formatDate'

interface Props {
  entry: WallAtelier
  script: Step[]
  /** The clock, for a waiting atelier's "il y a 3 min"; `null` once it has transmitted. */
  now: number | null
  /** Enlarged alone on the screen while its rapporteur speaks. */
  spotlit?: boolean
}

/**
 * One atelier on the wall: its transmitted proposals (those in a group show in the group's
 * card, counted here), or, before it transmits, where it stands and when it was last heard of.
 * Rendered again only when what it shows changes.
 */
export const WallAtelierCard = memoByContent(function WallAtelierCard({
  entry,
  script,
  now,
  spotlit = false,
}: Props) {
  const { atelier } = entry
  const stepIndex = script.findIndex((step) => step.id === atelier.currentStepId)
  return (
    <section
      className={`wall-card${entry.transmitted ? '' : ' wall-card--waiting'}${spotlit ? ' wall-card--spotlit' : ''}`}
      data-testid="wall-atelier"
      data-atelier-id={atelier.id}
      data-fit
    >
      <h2 className="wall-card__name">
        {atelier.name}
        {spotlit && atelier.room && <span className="wall-card__room"> · {atelier.room}</span>}
      </h2>
      {entry.transmitted ? (
        <>
          {entry.items.length > 0 && (
            <ol className="wall-card__items">
              {entry.items.map((item) => (
                <li key={item.id} data-testid="wall-item" data-item-id={item.id}>
                  {item.text}
                  {item.changed && <span className="wall-tag">{t.wall.changed}</span>}
                </li>
              ))}
            </ol>
          )}
          {entry.items.length === 0 && entry.groupedCount === 0 && (
            <p className="wall-card__status">{t.wall.noValidated}</p>
          )}
          {entry.groupedCount > 0 && (
            <p className="wall-card__more">{t.wall.inGroups(entry.groupedCount)}</p>
          )}
          {entry.changesSinceTransmission > 0 && (
            <p className="wall-card__changes" data-testid="wall-changes">
              {t.wall.changesSince(entry.changesSinceTransmission)}
            </p>
          )}
        </>
      ) : (
        <>
          <p className="wall-card__waiting">{t.wall.waiting}</p>
          {stepIndex >= 0 && (
            <p className="wall-card__status">
              {t.wall.atStep(stepIndex + 1, script.length, script[stepIndex]!.title)}
            </p>
          )}
          <p className="wall-card__status" data-testid="wall-last-seen">
            {entry.lastSeenAt === null
              ? t.wall.neverSeen
              : t.wall.lastSeen(
                  formatTime(entry.lastSeenAt),
                  formatAgo(entry.lastSeenAt, now ?? entry.lastSeenAt),
                )}
          </p>
        </>
      )}
    </section>
  )
})
