import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  addProposal,
  createMeetingFrom,
  cutOff,
  newDevice,
  proposalsOnTablet,
  reconnect,
  SCREENSHOTS,
  setUpEvening,
  showView,
  validateProposal,
} from './harness'

const evening = setUpEvening()

const noteOf = (page: Page) => page.getByTestId('note-input').first().inputValue()

describe('the binôme of one atelier on two tablets', () => {
  it('shares the timer and the notes, and merges offline work without losing a character', async () => {
    const coordinator = await newDevice(evening.browser)
    const { ateliers } = await createMeetingFrom(
      coordinator.page,
      evening.relay.url,
      'Soirée binôme',
    )
    const animateur = await evening.tablet(ateliers[0]!)
    const rapporteur = await evening.tablet(ateliers[0]!)

    // The animateur starts the step timer; the rapporteur's tablet shows it running.
    await animateur.page.getByRole('button', { name: 'Démarrer' }).click()
    await rapporteur.page
      .locator('[data-testid="timer-clock"][data-phase="running"]')
      .waitFor({ timeout: 10_000 })
    await animateur.page.screenshot({ path: join(SCREENSHOTS, 'atelier-animation-landscape.png') })

    // Both type in the same note at the same time.
    for (const device of [animateur, rapporteur])
      await showView(device.page, 'Notes et propositions')
    // The notes remind the rapporteur not to write usagers' names.
    expect(await rapporteur.page.getByTestId('notes-privacy').textContent()).toContain('aucun nom')
    await Promise.all([
      animateur.page
        .getByTestId('note-input')
        .first()
        .pressSequentially('Alpha alpha. ', { delay: 15 }),
      rapporteur.page
        .getByTestId('note-input')
        .first()
        .pressSequentially('Beta beta. ', { delay: 15 }),
    ])
    await expect
      .poll(async () => (await noteOf(animateur.page)) === (await noteOf(rapporteur.page)))
      .toBe(true)
    const typed = await noteOf(animateur.page)
    expect(typed).toContain('Alpha alpha.')
    expect(typed).toContain('Beta beta.')
    expect(typed.length).toBe('Alpha alpha. '.length + 'Beta beta. '.length)

    // The animateur writes a word through an input method (Chromium's own composition events)
    // at the end while the rapporteur types at the start: the word is shared once composed, and
    // the animateur's caret stays right after it.
    const animateurNote = animateur.page.getByTestId('note-input').first()
    await animateurNote.press('End')
    const ime = await animateur.context.newCDPSession(animateur.page)
    await ime.send('Input.imeSetComposition', { text: 'e', selectionStart: 1, selectionEnd: 1 })
    await ime.send('Input.imeSetComposition', { text: 'é', selectionStart: 1, selectionEnd: 1 })
    const rapporteurNote = rapporteur.page.getByTestId('note-input').first()
    await rapporteurNote.press('Home')
    await rapporteurNote.pressSequentially('Déjà ', { delay: 15 })
    await ime.send('Input.insertText', { text: 'été' })
    await animateurNote.pressSequentially(' !')
    await expect
      .poll(async () => (await noteOf(animateur.page)) === (await noteOf(rapporteur.page)))
      .toBe(true)
    const note = await noteOf(animateur.page)
    expect(note).toBe(`Déjà ${typed}été !`)

    // The rapporteur's tablet loses the network, keeps working, and is reloaded.
    await cutOff(rapporteur)
    await addProposal(rapporteur.page, 'Un accueil sans rendez-vous le mardi')
    await addProposal(rapporteur.page, 'Des formulaires en langage simple')
    await addProposal(rapporteur.page, 'Un numéro unique')
    for (const text of ['Un accueil sans rendez-vous le mardi', 'Un numéro unique'])
      await validateProposal(rapporteur.page, text)
    // Meanwhile the animateur, still connected, adds one too.
    await addProposal(animateur.page, 'Des permanences dans les quartiers')

    const reload = await rapporteur.page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await showView(rapporteur.page, 'Notes et propositions')
    await expect
      .poll(() => proposalsOnTablet(rapporteur.page))
      .toEqual([
        '✓ Un accueil sans rendez-vous le mardi',
        'Des formulaires en langage simple',
        '✓ Un numéro unique',
      ])
    await rapporteur.page.screenshot({
      path: join(SCREENSHOTS, 'atelier-notes-offline-landscape.png'),
      fullPage: true,
    })

    // The network returns: both tablets end identical, nothing lost.
    await reconnect(rapporteur)
    await expect.poll(() => proposalsOnTablet(animateur.page)).toHaveLength(4)
    expect(await proposalsOnTablet(rapporteur.page)).toEqual(
      await proposalsOnTablet(animateur.page),
    )
    expect(await noteOf(rapporteur.page)).toBe(note)
    expect(await animateur.page.getByTestId('proposal-warnings').count()).toBe(0)

    // Portrait tablets.
    for (const [device, name] of [
      [animateur, 'animation'],
      [rapporteur, 'notes'],
    ] as const) {
      await device.page.setViewportSize({ width: 768, height: 1024 })
      if (name === 'animation') await showView(device.page, 'Animation')
      await device.page.screenshot({
        path: join(SCREENSHOTS, `atelier-${name}-portrait.png`),
        fullPage: true,
      })
    }
    await showView(rapporteur.page, 'Présence')
    await rapporteur.page.getByRole('button', { name: 'Ajouter une personne : Élus' }).click()
    await expect
      .poll(() => rapporteur.page.getByTestId('attendance-elected').locator('output').textContent())
      .toBe('1')
    await rapporteur.page.screenshot({ path: join(SCREENSHOTS, 'atelier-presence-portrait.png') })

    await Promise.all([coordinator, animateur, rapporteur].map((device) => device.context.close()))
  })

  it('keeps a word still being composed when the other tablet moves the atelier to the next step', async () => {
    const coordinator = await newDevice(evening.browser)
    const { ateliers } = await createMeetingFrom(coordinator.page, evening.relay.url, 'Soirée IME')
    const animateur = await evening.tablet(ateliers[0]!)
    const rapporteur = await evening.tablet(ateliers[0]!)
    await showView(rapporteur.page, 'Notes et propositions')
    const field = rapporteur.page.getByTestId('note-input').first()
    /** The question of the first note shown: the step the notes are on. */
    const question = () => field.evaluate((element) => element.closest('label')?.textContent)
    const firstStep = await question()
    await field.pressSequentially('Le bus ', { delay: 15 })
    // The rapporteur's keyboard is composing a word (Chromium's own composition events) when
    // the animateur goes to the next step: the notes follow it, and the field goes away.
    const ime = await rapporteur.context.newCDPSession(rapporteur.page)
    await ime.send('Input.imeSetComposition', {
      text: 'arrive',
      selectionStart: 6,
      selectionEnd: 6,
    })
    await animateur.page.getByRole('button', { name: 'Étape suivante →' }).click()
    await expect.poll(question).not.toBe(firstStep)
    // The word the rapporteur saw is in the first step's note, on both tablets.
    await showView(animateur.page, 'Notes et propositions')
    for (const { page } of [animateur, rapporteur]) {
      await page
        .getByRole('group', { name: 'Notes de l’étape' })
        .getByRole('button')
        .first()
        .click()
      await expect.poll(() => noteOf(page)).toBe('Le bus arrive')
    }
    await Promise.all([coordinator, animateur, rapporteur].map((device) => device.context.close()))
  })
})
