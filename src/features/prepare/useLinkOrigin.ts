import { useState } from 'react'
import { useRelayAddresses } from '../../hooks/useRelayAddresses'
import { pageSituation, type PageSituation } from '../../sync/relayAddresses'

// Device-only (localStorage): the address this laptop last chose for its links.
const STORAGE_KEY = 'tandem.linkOrigin'

export interface LinkOrigin {
  /** The origin links and QR codes carry. */
  origin: string
  /** Why this page's own address would not do for tablets, or `usable`. */
  situation: PageSituation
  /** The addresses the coordinator may choose from (HTTPS only, unless none is known). */
  choices: string[]
  choose(origin: string): void
  /** The install page's address (plain HTTP), when the relay made its own certificates. */
  install: string | null
  /** False while the relay's addresses are being asked for, or when it did not answer. */
  known: boolean
}

/**
 * The address the coordinator's links are built from: one the tablets can open offline. On
 * `localhost` or plain HTTP that is the relay's first HTTPS address (`GET /addresses`), never
 * the page's own; on an HTTPS address, the page's own unless the coordinator chose another.
 *
 * @example
 *   const { origin } = useLinkOrigin()
 *   const url = formatLink(origin, { kind: 'projection', readKey })
 */
export function useLinkOrigin(): LinkOrigin {
  const addresses = useRelayAddresses()
  const situation = pageSituation(window.location)
  const [preferred, setPreferred] = useState(() => readPreference())
  const own = situation === 'usable' ? [window.location.origin] : []
  const choices = [...new Set([...own, ...(addresses?.secure ?? [])])]
  const origin =
    (preferred !== null && choices.includes(preferred) ? preferred : choices[0]) ??
    window.location.origin
  return {
    origin,
    situation,
    choices,
    choose(next) {
      setPreferred(next)
      try {
        localStorage.setItem(STORAGE_KEY, next)
      } catch {
        // Storage refused: the choice lasts as long as the page.
      }
    },
    install: addresses?.install ?? null,
    known: addresses !== null,
  }
}

function readPreference(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}
