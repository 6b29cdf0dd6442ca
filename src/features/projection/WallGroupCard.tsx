import type { WallItem } from '../../doc/grouping'
import { memoByContent } from '../../ui/memoByContent'
import { t } from '../../text/strings'

/**
 * A group on the wall: its common wording, and where it comes from — each atelier with its own
 * original text. Rendered again only when what it shows changes.
 */
export const WallGroupCard = memoByContent(function WallGroupCard({ item }: { item: WallItem }) {
  return (
    <section
      className="wall-card wall-card--group"
      data-testid="wall-group"
      data-item-id={item.id}
      data-fit
    >
      <p className="wall-card__kicker">{t.wall.group}</p>
      <p className="wall-card__text">
        {item.text}
        {item.changed && <span className="wall-tag">{t.wall.changed}</span>}
      </p>
      <ul className="wall-card__origins">
        {item.origins.map(({ proposal, atelier }) => (
          <li key={proposal.id}>
            <strong>{atelier.name}</strong>
            {t.wall.quotedAfterName(proposal.text)}
          </li>
        ))}
      </ul>
    </section>
  )
})
