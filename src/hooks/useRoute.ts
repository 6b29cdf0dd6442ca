import { useSyncExternalStore } from 'react'
import { parseLink, type LinkParseResult } from '../links/links'

/**
 * The screen to show, read from the URL fragment. Join links are routes: opening a link opens
 * its meeting. Parsed results are cached per fragment so snapshots stay stable.
 */
export function useRoute(): LinkParseResult {
  return routeOf(useHash())
}

/** The URL fragment as it is, for the routes that are not meeting links (`#/installer`). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}

let cached: { hash: string; route: LinkParseResult } | null = null

function routeOf(hash: string): LinkParseResult {
  if (cached?.hash !== hash) cached = { hash, route: parseLink(hash) }
  return cached.route
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function navigate(fragment: string): void {
  window.location.hash = fragment.replace(/^#/, '')
}
