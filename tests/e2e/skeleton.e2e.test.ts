import { join } from 'node:path'
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
  waitForOfflineReady,
  waitForSyncState,
  wallOfFirstAtelier,
} from './harness'

const evening = setUpEvening()

describe('walking skeleton: from an atelier tablet to the projector', () => {
  it('creates a meeting, adds proposals offline, reloads offline, and delivers them when back online', async () => {
    const coordinator = await newDevice(evening.browser)
    const { ateliers, projection } = await createMeetingFrom(
      coordinator.page,
      evening.relay.url,
      'Comité des usagers — décembre',
    )
    expect(ateliers).toHaveLength(2)
    expect(projection).toContain('/#/projection/')
    await waitForSyncState(coordinator.page, 'synced')

    // The tablet reaches the relay through its own wifi, which the test can cut.
    const tablet = await evening.deviceOnWifi()
    await tablet.page.goto(tablet.viaWifi(ateliers[0]!))
    await expect.poll(() => tablet.page.getByTestId('atelier-name').textContent()).toBe('Atelier 1')
    await waitForSyncState(tablet.page, 'synced')
    await waitForOfflineReady(tablet.page)
    await showView(tablet.page, 'Notes et propositions')
    await addProposal(tablet.page, 'Une permanence du CCAS le samedi matin')
    // The wall shows what the group validated and transmitted to the plenary.
    await validateProposal(tablet.page, 'Une permanence du CCAS le samedi matin')
    await tablet.page.getByTestId('transmit').click()

    const projector = await newDevice(evening.browser, { width: 1920, height: 1080 })
    await projector.page.goto(projection)
    await expect
      .poll(() => wallOfFirstAtelier(projector.page))
      .toEqual(['Une permanence du CCAS le samedi matin'])

    // The network goes away: the tablet keeps working, survives a reload, loses nothing.
    await cutOff(tablet)
    await addProposal(tablet.page, 'Un annuaire des aides, en gros caractères')
    await addProposal(tablet.page, 'Être rappelé quand on laisse un message')
    // A proposal half written when the tablet reloads is still in its field afterwards.
    await tablet.page.getByTestId('proposal-input').fill('Une proposition pas encore ajou')
    const reload = await tablet.page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await showView(tablet.page, 'Notes et propositions')
    expect(await tablet.page.getByTestId('proposal-input').inputValue()).toBe(
      'Une proposition pas encore ajou',
    )
    await expect
      .poll(() => proposalsOnTablet(tablet.page))
      .toEqual([
        '✓ Une permanence du CCAS le samedi matin',
        'Un annuaire des aides, en gros caractères',
        'Être rappelé quand on laisse un message',
      ])
    await waitForSyncState(tablet.page, 'offline')
    await tablet.page.screenshot({ path: join(SCREENSHOTS, 'atelier-offline.png') })
    // The projector has not seen them: they really stayed on the tablet.
    expect(await wallOfFirstAtelier(projector.page)).toHaveLength(1)

    for (const text of ['Un annuaire des aides', 'Être rappelé'])
      await validateProposal(tablet.page, text)

    // The network comes back: no action, the projector shows everything.
    await reconnect(tablet)
    await expect
      .poll(() => wallOfFirstAtelier(projector.page), {
        timeout: 20_000,
      })
      .toHaveLength(3)
    await projector.page.screenshot({ path: join(SCREENSHOTS, 'projection.png') })
    await coordinator.page.screenshot({
      path: join(SCREENSHOTS, 'coordinator.png'),
      fullPage: true,
    })

    await Promise.all([coordinator, tablet, projector].map((device) => device.context.close()))
  })

  it('says the link is invalid when it is malformed, and offers the way home', async () => {
    const device = await newDevice(evening.browser)
    await device.page.goto(`${evening.relay.url}/#/atelier/not-a-key/xyz`)
    await expect
      .poll(() => device.page.getByTestId('invalid-link').textContent())
      .toContain('Lien invalide ou expiré')
    await device.context.close()
  })
})
