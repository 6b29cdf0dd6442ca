import { t } from '../text/strings'

/** The id of each screen's `<main>`, which the skip link focuses. */
export const MAIN_ID = 'main'

/**
 * "Aller au contenu", the first thing a keyboard reaches, shown only when focused. The app routes
 * by the URL fragment, so the link focuses `<main>` itself instead of letting `#main` navigate.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(event) => {
        event.preventDefault()
        document.getElementById(MAIN_ID)?.focus()
      }}
    >
      {t.skipToContent}
    </a>
  )
}
