/**
 * Device data: this device's counter id for show-of-hands counts in one document (a meeting's
 * votes, `src/doc/votes.ts`, or a committee's idea votes) — a random id, never a name, and a
 * different one in each document, so no two meetings can tell the same laptop counted in both.
 * Kept in this browser's localStorage (`tandem-counter-id:<roomId>`), read synchronously when a
 * count is typed, so a reload keeps counting under the same id instead of showing up as a second
 * counter who disagrees with the first. Where localStorage is refused (private browsing), the id
 * lasts as long as the page. Older versions used one id everywhere (`tandem-counter-id`): in a
 * document where it already counted, it stays this device's id there (it is already in that
 * document, so it links nothing new), and counting goes on under it after an update.
 */
import { newId } from '../doc/ids'
import type { RoomId } from '../links/capability'

const STORAGE_PREFIX = 'tandem-counter-id:'
const LEGACY_KEY = 'tandem-counter-id'
const VALID = /^[A-Za-z0-9_-]{8,32}$/

const current = new Map<RoomId, string>()

/** `countedAs(id)`: whether the document already holds counts under `id`. */
export function counterId(roomId: RoomId, countedAs: (id: string) => boolean): string {
  const known = current.get(roomId)
  if (known !== undefined) return known
  const key = STORAGE_PREFIX + roomId
  let legacy: string | null = null
  try {
    const stored = localStorage.getItem(key)
    if (stored !== null && VALID.test(stored)) {
      current.set(roomId, stored)
      return stored
    }
    legacy = localStorage.getItem(LEGACY_KEY)
  } catch {
    // Storage refused: fall through to an id for this page only.
  }
  const made = legacy !== null && VALID.test(legacy) && countedAs(legacy) ? legacy : newId()
  current.set(roomId, made)
  try {
    localStorage.setItem(key, made)
  } catch {
    // Same: counted under this id until the page is reloaded.
  }
  return made
}
