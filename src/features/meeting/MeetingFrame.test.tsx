// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest'
import { cleanup, mount } from '../../../tests/helpers/render'
import { t } from '../../text/strings'
import { MeetingFrame } from './MeetingFrame'

afterEach(cleanup)

function Broken(): never {
  throw new TypeError('Cannot convert object to primitive value')
}

it('keeps the top bar when the screen below it fails: never a white screen', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const { container } = mount(<MeetingFrame title="Soirée" session={null} body={<Broken />} />)
  expect(container.querySelector('.topbar')?.textContent).toContain('Soirée')
  expect(container.querySelector('main')?.textContent).toContain(t.errors.screen.title)
})
