// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, mount } from '../../tests/helpers/render'
import { ErrorBoundary } from './ErrorBoundary'
import { t } from '../text/strings'

let broken = true
function Card({ name }: { name: string }) {
  if (broken && name === 'bad') throw new RangeError('Maximum call stack size exceeded')
  return <p>{name}</p>
}

afterEach(() => {
  broken = true
  cleanup()
})

describe('ErrorBoundary', () => {
  it('keeps a failing card to itself, says so in French, and tries again on demand', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = mount(
      <ErrorBoundary scope="screen">
        <header>Synchronisé</header>
        <ErrorBoundary scope="card">
          <Card name="bad" />
        </ErrorBoundary>
        <ErrorBoundary scope="card">
          <Card name="good" />
        </ErrorBoundary>
      </ErrorBoundary>,
    )
    expect(container.textContent).toContain('Synchronisé')
    expect(container.textContent).toContain('good')
    expect(container.textContent).toContain(t.errors.card.title)
    expect(container.textContent).toContain('RangeError: Maximum call stack size exceeded')
    expect(container.querySelector('[role="alert"]')).not.toBeNull()

    broken = false
    act(() => container.querySelector('button')!.click())
    expect(container.textContent).toContain('bad')
    expect(container.querySelector('[role="alert"]')).toBeNull()
  })

  it('offers the way out it is given beside "Réessayer"', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = mount(
      <ErrorBoundary scope="card" wayOut={<button type="button">Historique</button>}>
        <Card name="bad" />
      </ErrorBoundary>,
    )
    const buttons = Array.from(container.querySelectorAll('button'), (b) => b.textContent)
    expect(buttons).toEqual([t.errors.retry, 'Historique'])
  })

  it('tries again by itself when its reset key changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { container, rerender } = mount(
      <ErrorBoundary scope="card" resetKey={1}>
        <Card name="bad" />
      </ErrorBoundary>,
    )
    expect(container.textContent).toContain(t.errors.card.title)
    broken = false
    rerender(
      <ErrorBoundary scope="card" resetKey={2}>
        <Card name="bad" />
      </ErrorBoundary>,
    )
    expect(container.textContent).toBe('bad')
  })
})
