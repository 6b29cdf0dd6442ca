import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Field } from './Field'

describe('Field', () => {
  it('wraps its control in the label, so the label names it and a tap on it focuses it', () => {
    expect(
      renderToStaticMarkup(
        <Field label="Titre">
          <input defaultValue="Soirée" />
        </Field>,
      ),
    ).toBe(
      '<label class="field"><span class="field__label">Titre</span><input value="Soirée"/></label>',
    )
  })

  it('puts several controls under one legend, and narrows a short one', () => {
    expect(
      renderToStaticMarkup(
        <Field label="Horaires" group>
          <input />
          <input />
        </Field>,
      ),
    ).toBe(
      '<fieldset class="field"><legend class="field__label">Horaires</legend><input/><input/></fieldset>',
    )
    expect(
      renderToStaticMarkup(
        <Field label="Inscrits" narrow>
          <input />
        </Field>,
      ),
    ).toBe(
      '<label class="field field--narrow"><span class="field__label">Inscrits</span><input/></label>',
    )
  })

  it('can keep its label for screen readers only', () => {
    expect(
      renderToStaticMarkup(
        <Field label="Axe 1" hideLabel>
          <input />
        </Field>,
      ),
    ).toBe('<label class="field"><span class="visually-hidden">Axe 1</span><input/></label>')
  })
})
