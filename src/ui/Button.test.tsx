// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { Button } from './Button'

beforeAll(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
})

describe('Button', () => {
  it('does not submit the form it sits in unless it is a submit button', () => {
    const container = document.createElement('div')
    document.body.append(container)
    const root = createRoot(container)
    const submitted: string[] = []
    act(() =>
      root.render(
        <form
          onSubmit={(event) => {
            event.preventDefault()
            submitted.push('submit')
          }}
        >
          <Button secondary>Annuler</Button>
          <Button type="submit">Créer</Button>
        </form>,
      ),
    )
    const [cancel, create] = Array.from(container.querySelectorAll('button'))
    act(() => cancel!.click())
    expect(submitted).toEqual([])
    act(() => create!.click())
    expect(submitted).toEqual(['submit'])
    act(() => root.unmount())
    container.remove()
  })

  it('names its look with the BEM modifiers of controls.css', () => {
    expect(renderToStaticMarkup(<Button>Continuer</Button>)).toBe(
      '<button type="button" class="button">Continuer</button>',
    )
    expect(
      renderToStaticMarkup(
        <Button secondary danger large className="extra" data-testid="remove" disabled>
          Supprimer
        </Button>,
      ),
    ).toBe(
      '<button type="button" class="button button--secondary button--danger button--large extra" data-testid="remove" disabled="">Supprimer</button>',
    )
  })
})
