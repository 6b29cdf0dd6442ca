// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, mount } from '../../tests/helpers/render'
import { WeightField } from './WeightField'
import { frenchSpacing } from '../text/strings'

let container: HTMLElement
let saved: number[]

afterEach(cleanup)

function mountField(weight: number) {
  saved = []
  ;({ container } = mount(
    <WeightField
      label="Élus"
      ariaLabel="Poids : Élus"
      weight={weight}
      onChange={(w) => saved.push(w)}
    />,
  ))
  return container.querySelector('input')!
}

/** Types `text` as a person would (React listens to `input`), then presses Enter. */
function typeAndEnter(input: HTMLInputElement, text: string) {
  act(() => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
    setValue.call(input, text)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
  })
}

describe('a collège weight field', () => {
  it('shows a weight with a French decimal comma', () => {
    expect(mountField(0.5).value).toBe('0,5')
  })

  it('saves "0,5" as one half, not as 5', () => {
    const input = mountField(1)
    typeAndEnter(input, '0,5')
    expect(saved).toEqual([0.5])
    expect(container.querySelector('[role="alert"]')).toBeNull()
  })

  it('refuses what is not a number, saying so, and keeps what was typed', () => {
    const input = mountField(1)
    typeAndEnter(input, 'deux')
    expect(saved).toEqual([])
    expect(input.value).toBe('deux')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      frenchSpacing('« deux » n’est pas un nombre : tapez par exemple 2 ou 0,5.'),
    )
    typeAndEnter(input, '150')
    expect(saved).toEqual([])
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Un poids va de 0 à 100.')
    typeAndEnter(input, '2')
    expect(saved).toEqual([2])
    expect(container.querySelector('[role="alert"]')).toBeNull()
  })
})
