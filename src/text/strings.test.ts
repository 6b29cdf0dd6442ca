import { describe, expect, it } from 'vitest'
import { frenchSpacing, t } from './strings'

describe('French spacing in the catalogue', () => {
  it('puts no-break spaces before : ? ; ! and inside « »', () => {
    expect(frenchSpacing('Prêt ? Oui : « ceci » ; bravo !')).toBe(
      'Prêt\u202F? Oui\u00A0: «\u00A0ceci\u00A0»\u202F; bravo\u202F!',
    )
  })

  it('applies to every string of the catalogue and to what its functions return', () => {
    expect(t.atelier.views.readiness).toBe('Prêt\u202F?')
    expect(t.plenary.spotlightOn('Santé')).toBe('En grand à l’écran\u00A0: Santé')
    expect(t.ideas.fileInAxis('Santé')).toBe('Classer dans «\u00A0Santé\u00A0»')
    expect(t.followUp.csvHeader[0]).toBe('Proposition')
  })
})
