/**
 * The page `clientScale.ts` drives in Chromium: the app's own persistence (`LocalStore`, the
 * IndexedDB layout every device uses), its document reader (`cachedMeetingReader`, as the screens use it) and its projection
 * screen, built by Vite in production mode. Exposes `window.tandemBench`.
 */
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import * as Y from 'yjs'
import { cachedMeetingReader } from '../../src/doc/meetingDoc'
import { ProjectionScreen } from '../../src/features/projection/ProjectionScreen'
import { LocalStore } from '../../src/sync/localStore'
import '../../src/ui/tokens.css'
import '../../src/ui/base.css'
import '../../src/ui/controls.css'

const decode = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))

const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

const bench = {
  /**
   * Stores the meeting as a device would have it: `base` applied at once (one record, as after
   * a compaction), then each of `tail` as its own committed write (one record each).
   */
  async seed(name: string, base: string, tail: string[]): Promise<number> {
    const doc = new Y.Doc()
    const store = new LocalStore(name, doc)
    await store.whenLoaded()
    Y.applyUpdate(doc, decode(base))
    await store.whenSaved()
    for (const update of tail) {
      Y.applyUpdate(doc, decode(update))
      await store.whenSaved()
    }
    await store.destroy()
    return tail.length + 1
  },

  /** Opens the meeting from IndexedDB, reads it, renders the projection; each step timed. */
  async open(name: string) {
    const started = performance.now()
    const doc = new Y.Doc()
    const store = new LocalStore(name, doc)
    await store.whenLoaded()
    const loaded = performance.now()
    // The reader the screens use: the projection below reads its parts from this cache.
    const meeting = cachedMeetingReader(doc)()
    const read = performance.now()
    const root = createRoot(document.getElementById('root')!)
    flushSync(() => root.render(<ProjectionScreen doc={doc} />))
    await nextFrame()
    const rendered = performance.now()
    const wallItems = document.querySelectorAll('[data-testid="wall-item"]').length
    root.unmount()
    await store.destroy()
    doc.destroy()
    return {
      openMs: loaded - started,
      readMs: read - loaded,
      renderMs: rendered - read,
      proposals: meeting.proposals.length,
      wallItems,
    }
  },
}

declare global {
  interface Window {
    tandemBench: typeof bench
  }
}
window.tandemBench = bench
