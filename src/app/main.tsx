import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { watchStorageErrors } from '../device/storageHealth'
import { App } from './App'
import '../ui/styles.css'

watchStorageErrors()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
