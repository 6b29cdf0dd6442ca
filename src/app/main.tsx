import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { reopenLastMeeting } from '../device/lastOpened'
import { watchStorageErrors } from '../device/storageHealth'
import { keepFocusedFieldVisible } from '../ui/keepFocusedFieldVisible'
import { App } from './App'
import '../ui/styles.css'

watchStorageErrors()
keepFocusedFieldVisible()
await reopenLastMeeting()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
