import { t } from '../../text/strings'
import type { Page } from './usePage'

/** Previous / next through a paged list. */
export function Pager({ page }: { page: Page }) {
  if (page.count <= 1) return null
  return (
    <nav className="pager" aria-label={t.ideas.page(page.index + 1, page.count)}>
      <button
        type="button"
        className="button button--secondary"
        disabled={page.index === 0}
        onClick={() => page.go(page.index - 1)}
      >
        {t.ideas.previousPage}
      </button>
      <span>{t.ideas.page(page.index + 1, page.count)}</span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page.index === page.count - 1}
        onClick={() => page.go(page.index + 1)}
      >
        {t.ideas.nextPage}
      </button>
    </nav>
  )
}
