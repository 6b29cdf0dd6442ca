/**
 * A word composed by an input method in WebKit, the iPads' engine, whose composition events
 * come in another order than Chromium's (see `Engine` in tests/helpers/noteTablet.tsx, where
 * the note field is tested in each order). WebKitGTK under a virtual display, with GTK's own
 * input method: Ctrl+Shift+U (released), then a character's code, composes that character; a
 * space commits it.
 */
import { describe, expect, it } from 'vitest'
import { waitFor } from '../helpers/waitFor'
import { openDevice } from './engines'
import { createMeetingFrom, newDevice, setUpEvening, showView } from './harness'

const evening = setUpEvening()

/** WebDriver's keys Control and Shift, held until the end of the keys sent (W3C WebDriver). */
const UNICODE_INPUT = '\uE009\uE008u'

describe('a word composed in WebKit', () => {
  it('is shared where it was typed once committed, while the other tablet writes before it', async () => {
    const coordinator = await newDevice(evening.browser)
    const { ateliers } = await createMeetingFrom(coordinator.page, evening.relay.url, 'Soirée iPad')
    const other = await evening.tablet(ateliers[0]!)
    const ipad = await openDevice('webkit', evening.browser)
    try {
      await ipad.goto(ateliers[0]!)
      await ipad.click({ css: 'button', text: 'Notes et propositions' })
      const note = { css: '[data-testid="note-input"]' }
      const field = () =>
        ipad.evaluate(() => {
          const element = document.querySelector('textarea')!
          return [element.value, element.selectionStart] as const
        })
      await ipad.type(note, 'Le bus ')
      await showView(other.page, 'Notes et propositions')
      const otherNote = other.page.getByTestId('note-input').first()
      await expect.poll(() => otherNote.inputValue()).toBe('Le bus ')

      // The iPad composes "é" (U+00E9): GTK shows the code being typed as the composition.
      await ipad.type(note, UNICODE_INPUT)
      await ipad.type(note, 'e9')
      expect((await field())[0]).toMatch(/^Le bus ue9$/i)
      // Meanwhile the other tablet writes before it (one change), which reaches the iPad: its
      // stored updates hold it. The iPad's field keeps its composition.
      await otherNote.fill('Oui. Le bus ')
      await waitFor(
        () =>
          ipad.evaluate(async (words: string) => {
            const stored = async (name: string) => {
              const db = await new Promise<IDBDatabase>((resolve, reject) => {
                const request = indexedDB.open(name)
                request.onsuccess = () => resolve(request.result)
                request.onerror = () => reject(request.error)
              })
              try {
                if (!db.objectStoreNames.contains('updates')) return []
                const request = db.transaction('updates').objectStore('updates').getAll()
                return await new Promise<Uint8Array[]>((resolve) => {
                  request.onsuccess = () => resolve(request.result as Uint8Array[])
                })
              } finally {
                db.close()
              }
            }
            for (const { name } of await indexedDB.databases())
              if (name?.startsWith('tandem-'))
                for (const update of await stored(name))
                  if (new TextDecoder().decode(update).includes(words)) return true
            return false
          }, 'Oui. '),
        'the other tablet’s words on the iPad',
        20_000,
      )
      expect((await field())[0]).toMatch(/^Le bus ue9$/i)

      // A space commits the composition: "é" goes where it was typed, after the other's words.
      await ipad.type(note, ' ')
      await expect.poll(() => otherNote.inputValue()).toBe('Oui. Le bus é')
      expect(await field()).toEqual(['Oui. Le bus é', 'Oui. Le bus é'.length])
    } finally {
      await ipad.close()
    }
    await Promise.all([coordinator, other].map((device) => device.context.close()))
  })
})
