/**
 * Device data: this device's counter id for show-of-hands counts (see `src/doc/votes.ts`) — a
 * random id, never a name. Kept in this browser's localStorage (`tandem-counter-id`), read
 * synchronously when a count is typed, so a reload keeps counting under the same id instead of
 * showing up as a second counter who disagrees with the first. Where localStorage is refused
 * (private browsing), the id lasts as long as the page.
 */
import { newId } from '../../doc/ids'

const STORAGE_KEY = 'tandem-counter-id'
const VALID = /^[A-Za-z0-9_-]{8,32}$/

let current: string | null = null

export function counterId(): string {
  if (current !== null) return current
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (stored !== null && VALID.test(stored)) return (current = stored)
  } catch {
    // Storage refused: fall through to an id for this page only.
  }
  current = newId()
  try {
    localStorage.setItem(STORAGE_KEY, current)
  } catch {
    // Same: counted under this id until the page is reloaded.
  }
  return current
}
