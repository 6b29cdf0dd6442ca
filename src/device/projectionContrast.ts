/**
 * Whether this projector shows the high-contrast theme (white on black, for a room in daylight or
 * a weak projector). Device data: a choice for this computer and its projector, never shared,
 * kept in localStorage under `tandem-projection-contrast` (read synchronously, so the first frame
 * the room sees is already in the right theme). Without a choice, the system's "more contrast"
 * setting decides.
 */
const KEY = 'tandem-projection-contrast'

export function loadProjectionContrast(): boolean {
  try {
    const stored = localStorage.getItem(KEY)
    if (stored !== null) return stored === 'high'
  } catch {
    // Storage blocked: fall back on the system setting.
  }
  return window.matchMedia?.('(prefers-contrast: more)').matches ?? false
}

export function saveProjectionContrast(high: boolean): void {
  try {
    localStorage.setItem(KEY, high ? 'high' : 'normal')
  } catch {
    // Blocked storage: the choice holds until the page is closed.
  }
}
