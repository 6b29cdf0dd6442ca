import { useState } from 'react'
import { t } from '../text/strings'
import { Button } from './Button'

/** A link shown in full, with a large "Copier" button and an "Ouvrir ici" link. */
export function CopyLinkField({
  label,
  url,
  testId,
}: {
  label: string
  url: string
  testId: string
}) {
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
      setTimeout(() => setCopied(false), 2_000)
    } catch {
      // Clipboard refused (insecure page, permissions): the link stays visible to select by hand.
    }
  }
  return (
    <div className="link-field">
      <span className="link-field__label">{label}</span>
      <output className="link-field__url" data-testid={testId}>
        {url}
      </output>
      <div className="link-field__actions">
        <Button secondary onClick={copy}>
          {copied ? t.meeting.copied : t.meeting.copy}
        </Button>
        <a className="button button--secondary" href={url}>
          {t.meeting.openHere}
        </a>
      </div>
    </div>
  )
}
