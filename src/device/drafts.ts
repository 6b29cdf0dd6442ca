/**
 * Drafts: text typed into a form but not yet added to the meeting (a proposal being written).
 * Device data, kept in this browser's localStorage under `tandem-draft:<key>` — not Dexie,
 * because a draft must be back in its field on the very first render after a reload or a crash,
 * which only a synchronous store allows. Small texts only; cleared once the form is submitted.
 */
const PREFIX = 'tandem-draft:'

export function loadDraft(key: string): string {
  try {
    return localStorage.getItem(PREFIX + key) ?? ''
  } catch {
    return '' // Storage blocked (private mode): the field simply starts empty.
  }
}

export function saveDraft(key: string, text: string): void {
  try {
    if (text) localStorage.setItem(PREFIX + key, text)
    else localStorage.removeItem(PREFIX + key)
  } catch {
    // Quota or blocked storage: the text stays in the field, only its copy is missing.
  }
}
