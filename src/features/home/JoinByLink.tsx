import { useState, type FormEvent } from 'react'
import { formatLinkFragment, parseLink } from '../../links/links'
import { navigate } from '../../hooks/useRoute'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

/** Paste a link received by message (when the tablet cannot open it directly). */
export function JoinByLink() {
  const [value, setValue] = useState('')
  const [invalid, setInvalid] = useState(false)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = parseLink(value.trim())
    if (!result.ok) return setInvalid(true)
    navigate(formatLinkFragment(result.link))
  }
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t.home.join}</h2>
      <div className="inline-form">
        <input
          aria-label={t.home.join}
          value={value}
          placeholder={t.home.joinPlaceholder}
          onChange={(event) => {
            setValue(event.target.value)
            setInvalid(false)
          }}
        />
        <Button type="submit" disabled={!value.trim()}>
          {t.home.joinButton}
        </Button>
      </div>
      {invalid && (
        <p className="field__error" role="alert">
          {t.gate.invalidLink}
        </p>
      )}
    </form>
  )
}
