import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { newDevice, SCREENSHOTS, setUpEvening, shownValue, showView } from './harness'
import { frenchSpacing } from '../../src/text/strings'

const evening = setUpEvening()

describe('preparing a meeting', () => {
  it('starts from the first-meeting template, hands out sheets, and readies a tablet for offline', async () => {
    const coordinator = await newDevice(evening.browser)
    const page = coordinator.page
    await page.goto(evening.relay.url)
    await page.getByTestId('meeting-title').fill('Première rencontre du comité')
    // The theme of the evening is asked for with the title, not left for a later screen.
    await page.getByTestId('new-meeting-theme').fill('L’accueil au CCAS')
    await page
      .getByTestId('trame-source')
      .selectOption({ label: 'Première rencontre du comité (90 min)' })
    await page.getByRole('button', { name: '+ Ajouter un atelier' }).click()
    await page.getByRole('button', { name: 'Créer la rencontre' }).click()
    await page.getByTestId('projection-link').waitFor()
    // "Liens" hands out each binôme's two role links, the very ones of the printed sheets.
    const ateliers = await page.getByTestId('atelier-link-facilitator').allTextContents()
    const reporters = await page.getByTestId('atelier-link-reporter').allTextContents()
    expect(ateliers).toHaveLength(3)
    expect(ateliers.every((link) => link.endsWith('/animateur'))).toBe(true)
    expect(reporters.map((link) => link.replace(/rapporteur$/, 'animateur'))).toEqual(ateliers)

    // The editor: the theme as created, a room, and the trame against the atelier slot.
    await page.getByRole('button', { name: 'Préparer', exact: true }).click()
    expect(await page.getByTestId('meeting-theme').inputValue()).toBe('L’accueil au CCAS')
    // The date and the times read as on a French tablet: day first, 24-hour clock (the test
    // browser drew 12/03/2026 and 05:30 PM).
    await page.getByLabel('Date', { exact: true }).fill('2026-12-03')
    expect(await shownValue(page, 'Date')).toBe('03/12/2026')
    expect(await shownValue(page, 'Plénière d’ouverture')).toBe('17:30')
    // Room, then the binôme's first names: each field keeps its value (a patch once blanked the
    // others), as the document holds it once the fields lose focus.
    const firstAtelier = page.getByTestId('atelier-editor').first()
    await firstAtelier.getByLabel('Salle').fill('Salle Colbert')
    await firstAtelier.getByLabel('Prénom de l’animateur').fill('Nadia')
    await firstAtelier.getByLabel('Prénom du rapporteur').fill('Paul')
    await page.getByTestId('meeting-theme').focus()
    await expect.poll(() => firstAtelier.getByLabel('Salle').inputValue()).toBe('Salle Colbert')
    await expect
      .poll(() => firstAtelier.getByLabel('Prénom de l’animateur').inputValue())
      .toBe('Nadia')
    await expect
      .poll(() => firstAtelier.getByLabel('Prénom du rapporteur').inputValue())
      .toBe('Paul')
    await expect
      .poll(() => page.getByTestId('trame-total').textContent())
      .toBe(frenchSpacing('Durée totale : 90 min, exactement le créneau des ateliers.'))
    expect(await page.getByTestId('step-editor').count()).toBe(4)
    await page.screenshot({ path: join(SCREENSHOTS, 'prepare-editor.png'), fullPage: true })

    // The printable sheets: one per atelier and one for the projector, each with its QR code.
    await page.getByRole('button', { name: 'Fiches à imprimer' }).click()
    await expect.poll(() => page.getByTestId('join-sheet').count()).toBe(4)
    // Per atelier, one code for the animateur's tablet and one for the rapporteur's.
    await expect.poll(() => page.locator('.sheet__qr svg').count()).toBe(7)
    expect(await page.getByTestId('join-sheet').first().textContent()).toContain(
      'Tablette du rapporteur',
    )
    expect(await page.locator('.sheet__url').allTextContents()).toEqual(
      expect.arrayContaining([...ateliers, ...reporters]),
    )
    expect(await page.getByTestId('join-sheet').first().textContent()).toContain('Salle Colbert')
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: join(SCREENSHOTS, 'prepare-sheet-print.png') })
    await page.emulateMedia({ media: 'screen' })

    // A tablet joins through the link; the trame is there.
    const tablet = await evening.tablet(ateliers[0]!)
    await expect
      .poll(() => tablet.page.getByTestId('current-step').locator('h2').textContent())
      .toBe('Faire connaissance')

    // The coordinator sees the tablet has joined its atelier.
    await page.getByRole('button', { name: 'Prêt pour la soirée' }).click()
    await expect
      .poll(() => page.getByTestId('atelier-readiness').first().getAttribute('class'), {
        timeout: 15_000,
      })
      .toContain('check--ok')
    await page.screenshot({
      path: join(SCREENSHOTS, 'prepare-readiness-coordinator.png'),
      fullPage: true,
    })

    // Offline, after a reload, the tablet still has its trame and says it is ready.
    tablet.wifi.cut()
    await tablet.context.setOffline(true)
    await tablet.page.reload()
    await expect
      .poll(() => tablet.page.getByTestId('current-step').locator('h2').textContent())
      .toBe('Faire connaissance')
    await showView(tablet.page, 'Prêt ?')
    await expect
      .poll(() => tablet.page.getByTestId('readiness').getAttribute('data-ready'), {
        timeout: 10_000,
      })
      .toBe('true')
    expect(await tablet.page.locator('[data-check="relay"]').getAttribute('data-state')).toBe(
      'warning',
    )
    await tablet.page.screenshot({
      path: join(SCREENSHOTS, 'prepare-readiness-tablet-offline.png'),
    })

    // Restarting the app reopens the meeting this device had open last.
    await page.goto(evening.relay.url)
    await page.getByTestId('projection-link').waitFor()
    // The committee remembers the meeting, for templates and copies.
    await page.goto(`${evening.relay.url}/#/`)
    await page.getByTestId('committee-card').click()
    await expect
      .poll(() => page.locator('.known-list__link strong').first().textContent())
      .toBe('Première rencontre du comité')

    await Promise.all([coordinator, tablet].map((device) => device.context.close()))
  })
})
