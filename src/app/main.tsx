import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { watchStorageErrors } from '../device/storageHealth'
import { keepFocusedFieldVisible } from '../ui/keepFocusedFieldVisible'
import { App } from './App'
// The stylesheets every screen needs; each feature's own comes with its lazy chunk.
import '../ui/tokens.css'
import '../ui/base.css'
import '../ui/controls.css'

watchStorageErrors()
keepFocusedFieldVisible()
// Only the installed app's start (no fragment) looks up the last meeting; a link goes straight to
// its screen, so device storage (Dexie) stays out of the entry chunk and off its critical path.
if (window.location.hash === '') {
  const { reopenLastMeeting } = await import('../device/lastOpened')
  await reopenLastMeeting()
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
