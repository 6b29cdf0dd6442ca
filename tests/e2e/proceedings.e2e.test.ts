import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  addProposal,
  createMeetingFrom,
  newDevice,
  retainInPlenary,
  SCREENSHOTS,
  setUpEvening,
  showView,
  validateProposal,
  waitForSyncState,
} from './harness'

const evening = setUpEvening({ screenshotFolder: 'proceedings' })

const PROPOSAL = 'Un accueil sans rendez-vous le mardi matin'
const NOTE = 'Les délais pour obtenir un rendez-vous sont trop longs.'

describe('after the evening: actes, tableau de suivi, and the next opening plenary', () => {
  it('exports the actes, follows the retained proposal, and shows its status at the next meeting', async () => {
    const coordinator = await newDevice(evening.browser)
    const page = coordinator.page
    const { ateliers } = await createMeetingFrom(page, evening.relay.url, 'Rencontre de décembre')
    await waitForSyncState(page, 'synced')

    // An atelier takes a note, brings out two proposals, validates them and transmits.
    const tablet = await newDevice(evening.browser)
    await tablet.page.goto(ateliers[0]!)
    await waitForSyncState(tablet.page, 'synced')
    await showView(tablet.page, 'Notes et propositions')
    await tablet.page.getByRole('button', { name: '2. Constats' }).click()
    await tablet.page.getByTestId('note-input').nth(1).fill(NOTE)
    for (const text of [PROPOSAL, 'Un numéro de téléphone unique']) {
      await addProposal(tablet.page, text)
      await validateProposal(tablet.page, text)
    }
    await tablet.page.getByTestId('transmit').click()
    await tablet.page.getByTestId('transmitted-at').waitFor()

    // In plenary, the coordinator retains one proposal.
    await page.getByRole('button', { name: 'Plénière', exact: true }).click()
    await page.getByRole('button', { name: 'Propositions', exact: true }).click()
    await page.getByRole('button', { name: 'Classement', exact: true }).click()
    await retainInPlenary(page, PROPOSAL)

    // The actes, the same evening: on screen, printed, and as a Word file.
    await page.getByRole('button', { name: 'Actes', exact: true }).click()
    const actes = page.getByTestId('proceedings')
    await expect.poll(() => actes.textContent()).toContain(NOTE)
    expect(await actes.textContent()).toContain(`${PROPOSAL} — retenue en plénière`)
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({
      path: join(SCREENSHOTS, 'proceedings', 'actes-print.png'),
      fullPage: true,
    })
    await page.emulateMedia({ media: 'screen' })
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-docx').click(),
    ])
    expect(download.suggestedFilename()).toBe('actes-rencontre-de-decembre.docx')
    const path = join(SCREENSHOTS, 'proceedings', download.suggestedFilename())
    await download.saveAs(path)
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(path)))['word/document.xml']!)
    for (const expected of ['Actes — Rencontre de décembre', NOTE, PROPOSAL, 'retenue en plénière'])
      expect(xml).toContain(expected)

    // The tableau de suivi picks the retained proposal up; the coordinator moves it on.
    await page.goto(`${evening.relay.url}/#/`)
    await page.getByTestId('committee-card').click()
    const entry = page.getByTestId('follow-up-item').filter({ hasText: PROPOSAL })
    await expect.poll(() => entry.getAttribute('data-status')).toBe('retained')
    await entry.getByLabel('Suivi par (service ou groupe de travail)').fill('Service accueil')
    await entry.getByRole('button', { name: 'Soumettre au Conseil d’administration' }).click()
    await expect.poll(() => entry.getAttribute('data-status')).toBe('submittedToBoard')
    await page.screenshot({
      path: join(SCREENSHOTS, 'proceedings', 'committee.png'),
      fullPage: true,
    })

    // The next meeting's opening plenary shows where the proposal stands.
    await page.getByTestId('meeting-title').fill('Rencontre de mars')
    await page.getByRole('button', { name: 'Créer la rencontre' }).click()
    await page.getByTestId('projection-link').waitFor()
    const projection = (await page.getByTestId('projection-link').textContent()) ?? ''
    await page.getByRole('button', { name: 'Plénière', exact: true }).click()
    await page
      .getByLabel('À l’écran', { exact: true })
      .selectOption({ label: 'Suivi des propositions' })
    const projector = await newDevice(evening.browser, { width: 1920, height: 1080 })
    await projector.page.goto(projection)
    const slide = projector.page.getByTestId('opening-follow-up')
    await expect.poll(() => slide.textContent()).toContain(PROPOSAL)
    expect(await slide.textContent()).toContain('Soumise au Conseil d’administration')
    await projector.page.screenshot({
      path: join(SCREENSHOTS, 'proceedings', 'opening-follow-up.png'),
    })

    await Promise.all([coordinator, tablet, projector].map((device) => device.context.close()))
  })
})
