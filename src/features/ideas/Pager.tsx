import { t } from '../../text/strings'
import type { Page } from './usePage'
import { Button } from '../../ui/Button'

/** Previous / next through a paged list. */
export function Pager({ page }: { page: Page }) {
  if (page.count <= 1) return null
  return (
    <nav className="pager" aria-label={t.ideas.page(page.index + 1, page.count)}>
      <Button secondary disabled={page.index === 0} onClick={() => page.go(page.index - 1)}>
        {t.ideas.previousPage}
      </Button>
      <span>{t.ideas.page(page.index + 1, page.count)}</span>
      <Button
        secondary
        disabled={page.index === page.count - 1}
        onClick={() => page.go(page.index + 1)}
      >
        {t.ideas.nextPage}
      </Button>
    </nav>
  )
}
