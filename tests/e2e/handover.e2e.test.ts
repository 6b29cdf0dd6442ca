import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  addProposal,
  createMeetingFrom,
  cutOff,
  proposalsOnTablet,
  reconnect,
  SCREENSHOTS,
  setUpEvening,
  showView,
  validateProposal,
  waitForOfflineReady,
  waitForSyncState,
  wallOfFirstAtelier,
} from './harness'
import { frenchSpacing } from '../../src/text/strings'

const evening = setUpEvening({ screenshotFolder: 'handover' })

/** "Atelier 1 · 3 propositions", as the coordinator's screen shows each atelier. */
const atelierHeadings = (page: Page) =>
  page.getByTestId('atelier-link-item').locator('h3').allTextContents()

const outcomes = (page: Page) => page.getByTestId('import-outcome').allTextContents()

/** What dropping a file from the desktop onto the import panel does. */
async function dropFile(page: Page, name: string, bytes: Uint8Array) {
  await page.evaluate(
    ({ name, bytes }) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(bytes)], name))
      const panel = document.querySelector('[data-testid="import-handover"]')!
      for (const type of ['dragenter', 'dragover', 'drop'])
        panel.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        )
    },
    { name, bytes: Array.from(bytes) },
  )
}

describe('hand-over by file, with no network between the devices', () => {
  it('carries an atelier’s offline work to the coordinator and the projection, once', async () => {
    const coordinator = await evening.deviceOnWifi()
    const { ateliers, projection } = await createMeetingFrom(
      coordinator.page,
      coordinator.wifi.url,
      'Soirée sans réseau',
    )
    await waitForSyncState(coordinator.page, 'synced')
    await waitForOfflineReady(coordinator.page)
    const tablet = await evening.tablet(ateliers[0]!)

    // No path at all between the two from now on.
    await cutOff(coordinator)
    await cutOff(tablet)
    await showView(tablet.page, 'Notes et propositions')
    const texts = [
      'Un accueil sans rendez-vous le mardi',
      'Des formulaires en langage simple',
      'Être rappelé quand on laisse un message',
    ]
    for (const text of texts) await addProposal(tablet.page, text)
    // The group validates them and transmits: that is what the projection's wall shows.
    for (const text of texts) await validateProposal(tablet.page, text)
    await tablet.page.getByTestId('transmit').click()
    // The coordinator works too, meanwhile.
    await coordinator.page.getByLabel('Nom du nouvel atelier').fill('Atelier tardif')
    await coordinator.page.getByRole('button', { name: 'Ajouter un atelier' }).click()

    // The rapporteur exports from the atelier screen.
    // The tablet's keys: the read key and its atelier's key.
    const keys = ateliers[0]!.split('/#/atelier/')[1]!.split('/')[0]!.split('.')
    // Headless Chromium cannot share files, so the app downloads it.
    const started = Date.now()
    const [download] = await Promise.all([
      tablet.page.waitForEvent('download'),
      tablet.page.getByRole('button', { name: 'Partager sans réseau' }).click(),
    ])
    const fileName = download.suggestedFilename()
    expect(fileName).toMatch(/^tandem-atelier-1-\d\dh\d\d\.tandem$/)
    const path = join(SCREENSHOTS, 'handover', fileName)
    await download.saveAs(path)
    await expect
      .poll(() => tablet.page.getByTestId('share-status').textContent())
      .toContain('enregistré dans les téléchargements')
    const bytes = new Uint8Array(await readFile(path))
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('TANDEM1\n')
    for (const key of keys) expect(Buffer.from(bytes).includes(key)).toBe(false)

    // The coordinator picks it: the app shows what it would bring, and waits for a yes.
    const preview = coordinator.page.getByTestId('import-preview')
    await coordinator.page.getByTestId('import-file-input').setInputFiles(path)
    await expect
      .poll(() => preview.textContent())
      .toContain(frenchSpacing('Fichier de « Atelier 1 » : 3 propositions ajoutées.'))
    expect(await preview.textContent()).toContain(
      frenchSpacing('Son contenu concerne : « Atelier 1 ».'),
    )
    expect(await coordinator.page.getByTestId('import-warning').count()).toBe(0)
    expect((await atelierHeadings(coordinator.page))[0]).toBe('Atelier 1 · aucune proposition')
    // "Ne pas importer" leaves the meeting as it was.
    await coordinator.page.getByRole('button', { name: 'Ne pas importer' }).click()
    await expect
      .poll(() => outcomes(coordinator.page))
      .toEqual([
        frenchSpacing(`« ${fileName} » n’a pas été importé. La rencontre n’a pas été modifiée.`),
      ])
    expect((await atelierHeadings(coordinator.page))[0]).toBe('Atelier 1 · aucune proposition')
    // Picked again and confirmed, it is merged.
    await coordinator.page.getByTestId('import-file-input').setInputFiles(path)
    await coordinator.page.getByRole('button', { name: 'Importer ce fichier' }).click()
    await expect
      .poll(() => outcomes(coordinator.page))
      .toEqual([frenchSpacing('Importé. Fichier de « Atelier 1 » : 3 propositions ajoutées.')])
    const elapsed = Date.now() - started
    expect(await atelierHeadings(coordinator.page)).toEqual([
      'Atelier 1 · 3 propositions',
      'Atelier 2 · aucune proposition',
      'Atelier tardif · aucune proposition',
    ])
    // From the top, so the sticky bar is where the coordinator sees it.
    await coordinator.page.evaluate(() => window.scrollTo(0, 0))
    await coordinator.page.screenshot({
      path: join(SCREENSHOTS, 'handover', 'coordinator-after-import.png'),
      fullPage: true,
    })
    console.info(`hand-over: ${bytes.length} bytes, export to confirmed import in ${elapsed} ms`)

    // The same file dropped on the panel a second time brings nothing.
    await dropFile(coordinator.page, fileName, bytes)
    await expect
      .poll(() => outcomes(coordinator.page))
      .toEqual([
        frenchSpacing(
          'Rien de nouveau : ce fichier était déjà importé (ou déjà reçu par le réseau).',
        ),
      ])
    // A file that is not a hand-over is refused in plain words, and changes nothing.
    await coordinator.page
      .getByTestId('import-file-input')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Notes') })
    await expect
      .poll(() => outcomes(coordinator.page))
      .toEqual([
        frenchSpacing(
          '« notes.txt » n’a pas été importé. Ce fichier n’est pas un partage de Tandem. Choisissez le fichier qui se termine par « .tandem ». La rencontre n’a pas été modifiée.',
        ),
      ])
    await coordinator.page.evaluate(() => window.scrollTo(0, 0))
    await coordinator.page.screenshot({
      path: join(SCREENSHOTS, 'handover', 'coordinator-refused-file.png'),
      fullPage: true,
    })
    expect((await atelierHeadings(coordinator.page))[0]).toBe('Atelier 1 · 3 propositions')

    // The projection, opened on the coordinator's laptop still without network, shows them.
    const wall = await coordinator.context.newPage()
    await wall.setViewportSize({ width: 1920, height: 1080 })
    await wall.goto(projection)
    await expect.poll(() => wallOfFirstAtelier(wall)).toEqual(texts)
    await wall.screenshot({ path: join(SCREENSHOTS, 'handover', 'projection-after-import.png') })
    await wall.close()

    // When the network returns, the import and the sync agree: nothing doubles, nothing lost.
    await reconnect(coordinator)
    await reconnect(tablet)
    await expect
      .poll(() => atelierHeadings(coordinator.page), { timeout: 15_000 })
      .toEqual([
        'Atelier 1 · 3 propositions',
        'Atelier 2 · aucune proposition',
        'Atelier tardif · aucune proposition',
      ])
    expect(await proposalsOnTablet(tablet.page)).toEqual(texts.map((text) => `✓ ${text}`))

    await Promise.all([coordinator, tablet].map((device) => device.context.close()))
  })

  it('refuses a file of another meeting', async () => {
    const other = await evening.deviceOnWifi()
    await createMeetingFrom(other.page, other.wifi.url, 'Une autre soirée')
    const [download] = await Promise.all([
      other.page.waitForEvent('download'),
      other.page.getByRole('button', { name: 'Partager sans réseau' }).click(),
    ])
    const path = join(SCREENSHOTS, 'handover', `autre-${download.suggestedFilename()}`)
    await download.saveAs(path)

    const coordinator = await evening.deviceOnWifi()
    await createMeetingFrom(coordinator.page, coordinator.wifi.url, 'Cette soirée')
    await coordinator.page.getByTestId('import-file-input').setInputFiles(path)
    await expect
      .poll(() => outcomes(coordinator.page))
      .toEqual([expect.stringContaining('Ce fichier vient d’une autre rencontre')])
    await Promise.all([other, coordinator].map((device) => device.context.close()))
  })
})
