// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { expect, it, vi } from 'vitest'
import { t } from '../../text/strings'
import { MeetingFrame } from './MeetingFrame'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

function Broken(): never {
  throw new TypeError('Cannot convert object to primitive value')
}

it('keeps the top bar when the screen below it fails: never a white screen', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const container = document.createElement('div')
  act(() =>
    createRoot(container).render(<MeetingFrame title="Soirée" session={null} body={<Broken />} />),
  )
  expect(container.querySelector('.topbar')?.textContent).toContain('Soirée')
  expect(container.querySelector('main')?.textContent).toContain(t.errors.screen.title)
})
