/**
 * On a tablet, the on-screen keyboard covers the bottom half of the screen; browsers do not
 * always scroll the field being typed back into view (iPad Safari with a sticky top bar).
 * When the visual viewport shrinks while a text field has focus, bring the field to its middle.
 */
export function keepFocusedFieldVisible(target: Window = window): void {
  const viewport = target.visualViewport
  if (!viewport) return
  viewport.addEventListener('resize', () => {
    const field = target.document.activeElement
    if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return
    const box = field.getBoundingClientRect()
    if (box.top < 0 || box.bottom > viewport.height)
      field.scrollIntoView({ block: 'center', behavior: 'smooth' })
  })
}
