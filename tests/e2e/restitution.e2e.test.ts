import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { transmit } from '../../src/doc/ateliers'
import { groupProposals } from '../../src/doc/grouping'
import { createMeeting } from '../../src/doc/meetingDoc'
import { newWriteKey } from '../../src/links/capability'
import { validatedProposals } from '../helpers/meetingOps'
import {
  addProposal,
  cutOff,
  newDevice,
  publishMeeting,
  reconnect,
  retainInPlenary,
  SCREENSHOTS,
  setUpEvening,
  showView,
  validateProposal,
  waitForSyncState,
} from './harness'
import { frenchSpacing } from '../../src/text/strings'

/**
 * The plenary, end to end: three atelier tablets transmit (one of them offline, which comes back
 * later), the projector's wall converges to every transmitted proposal, the coordinator groups
 * two proposals and takes a vote by collège on two devices that disagree, and the projector
 * shows the group, the vote, the ranking.
 */

const evening = setUpEvening()

/** An atelier tablet on its own wifi, on its notes and proposals. */
async function tablet(link: string) {
  const device = await evening.tablet(link)
  await showView(device.page, 'Notes et propositions')
  return device
}

async function proposeAndTransmit(page: Page, texts: string[]) {
  for (const text of texts) {
    await addProposal(page, text)
    await validateProposal(page, text)
  }
  await page.getByTestId('transmit').click()
  await page.getByTestId('transmitted-at').waitFor()
}

/** The wall as the projector shows it: each atelier's own items, then the groups. */
async function wallOf(page: Page) {
  return page.evaluate(() => ({
    transmitted: document.querySelector('[data-testid="wall-transmitted"]')?.textContent ?? '',
    ateliers: Array.from(document.querySelectorAll('[data-testid="wall-atelier"]')).map((card) =>
      Array.from(card.querySelectorAll('[data-testid="wall-item"]')).map((li) => li.textContent),
    ),
    groups: Array.from(document.querySelectorAll('[data-testid="wall-group"]')).map(
      (card) => card.textContent,
    ),
  }))
}

/** No card of the projection scrolls or hides text, no word sticks out: the room cannot scroll. */
async function overflowingCards(page: Page) {
  return page.evaluate(() => {
    const wider = (element: Element) => element.scrollWidth > element.clientWidth + 1
    return Array.from(document.querySelectorAll<HTMLElement>('[data-fit]')).filter(
      (box) =>
        box.scrollHeight > box.clientHeight + 1 ||
        wider(box) ||
        Array.from(box.querySelectorAll('*')).some(wider),
    ).length
  })
}

async function openPlenary(writeKeyFragment: string) {
  const device = await newDevice(evening.browser, { width: 1280, height: 900 })
  await device.page.goto(`${evening.relay.url}/${writeKeyFragment}`)
  await device.page.getByRole('button', { name: 'Plénière', exact: true }).click()
  await device.page.getByTestId('plenary-control').waitFor({ timeout: 30_000 })
  await waitForSyncState(device.page, 'synced')
  return device
}

const count = (page: Page, itemText: string, bucket: string) =>
  page
    .getByTestId('vote-row')
    .filter({ hasText: itemText })
    .locator(`[data-testid="count-field"][data-bucket="${bucket}"] input`)

describe('plenary and restitution', () => {
  it('merges every atelier’s transmission on the wall, live, with a group and a vote by collège', async () => {
    // The coordinator creates an evening of three ateliers and gives it a theme.
    const coordinator = await newDevice(evening.browser)
    await coordinator.page.goto(evening.relay.url)
    await coordinator.page.getByTestId('meeting-title').fill('Comité des usagers — mars')
    await coordinator.page.getByRole('button', { name: '+ Ajouter un atelier' }).click()
    await coordinator.page.getByRole('button', { name: 'Créer la rencontre' }).click()
    await coordinator.page.getByTestId('projection-link').waitFor()
    const links = await coordinator.page.getByTestId('atelier-link-facilitator').allTextContents()
    const projection = (await coordinator.page.getByTestId('projection-link').textContent()) ?? ''
    const fragment = new URL(coordinator.page.url()).hash
    expect(links).toHaveLength(3)
    await coordinator.page.getByRole('button', { name: 'Préparer', exact: true }).click()
    await coordinator.page.getByTestId('meeting-theme').fill('L’accès aux droits')
    await waitForSyncState(coordinator.page, 'synced')

    const [logement, sante, mobilite] = await Promise.all(links.map((link) => tablet(link)))
    const projector = await newDevice(evening.browser, { width: 1920, height: 1080 })
    await projector.page.goto(projection)
    await expect
      .poll(() => wallOf(projector.page))
      .toMatchObject({ transmitted: 'Aucun atelier n’a encore transmis (sur 3)' })

    // Two ateliers transmit while connected: the projector shows them as they arrive.
    await proposeAndTransmit(logement!.page, [
      'Un guichet unique pour toutes les démarches',
      'Des permanences le samedi matin',
    ])
    await proposeAndTransmit(sante!.page, [
      'Un interlocuteur unique au CCAS qui suit chaque dossier',
      'Une aide pour les mutuelles',
      'Des ateliers d’information dans les quartiers',
    ])
    // The third is offline when it transmits: the room sees it is on its way.
    await cutOff(mobilite!)
    await proposeAndTransmit(mobilite!.page, [
      'Des bus le dimanche vers le centre social',
      'Un transport à la demande pour les rendez-vous médicaux',
    ])
    await expect
      .poll(() => wallOf(projector.page), { timeout: 15_000 })
      .toEqual({
        transmitted: '2 ateliers sur 3 ont transmis',
        ateliers: [
          ['Un guichet unique pour toutes les démarches', 'Des permanences le samedi matin'],
          [
            'Un interlocuteur unique au CCAS qui suit chaque dossier',
            'Une aide pour les mutuelles',
            'Des ateliers d’information dans les quartiers',
          ],
          [],
        ],
        groups: [],
      })
    const waiting = projector.page.locator('.wall-card--waiting')
    expect(await waiting.textContent()).toContain('Pas encore transmis')
    expect(await waiting.getByTestId('wall-last-seen').textContent()).toMatch(
      /^Dernières nouvelles à \d\d:\d\d/,
    )
    await projector.page.screenshot({ path: join(SCREENSHOTS, 'wall-waiting-1920.png') })

    // Back online: the wall converges to every transmitted proposal, nothing to do.
    await reconnect(mobilite!)
    await expect
      .poll(() => wallOf(projector.page), { timeout: 20_000 })
      .toMatchObject({
        transmitted: '3 ateliers sur 3 ont transmis',
        ateliers: [
          expect.any(Array),
          expect.any(Array),
          [
            'Des bus le dimanche vers le centre social',
            'Un transport à la demande pour les rendez-vous médicaux',
          ],
        ],
      })

    // The coordinator groups two proposals that say the same thing.
    const plenary = await openPlenary(fragment)
    const panel = plenary.page
    await panel.getByRole('button', { name: 'Propositions', exact: true }).click()
    // While a rapporteur speaks, the projector shows that atelier alone, in large type.
    const atelier2 = panel.getByTestId('plenary-atelier').filter({ hasText: 'Atelier 2' })
    await atelier2.getByRole('button', { name: 'Projeter l’atelier en grand' }).click()
    await expect
      .poll(() => projector.page.getByTestId('wall-spotlight').textContent())
      .toContain('Une aide pour les mutuelles')
    expect(await overflowingCards(projector.page)).toBe(0)
    await projector.page.screenshot({ path: join(SCREENSHOTS, 'wall-spotlight-atelier.png') })
    await atelier2.getByRole('button', { name: 'Revenir au mur entier' }).click()
    await projector.page.getByTestId('wall').waitFor()
    for (const text of ['Un guichet unique', 'Un interlocuteur unique'])
      await panel
        .getByTestId('plenary-item')
        .filter({ hasText: text })
        .getByRole('checkbox')
        .check()
    await panel.getByRole('button', { name: 'Regrouper la sélection (2)' }).click()
    await panel
      .getByTestId('group-wording')
      .fill('Un interlocuteur unique pour toutes les démarches')
    await panel.getByRole('button', { name: 'Créer le regroupement' }).click()
    await expect.poll(async () => (await wallOf(projector.page)).groups).toHaveLength(1)
    // The coordinator notes the debate on it; the projector will show the notes with it.
    const groupCard = panel.getByTestId('plenary-item').filter({ hasText: 'Regroupement' })
    await groupCard.getByText('Notes du débat').click()
    await groupCard.getByTestId('note-input').fill('La salle est d’accord ; attention au coût.')
    await panel.screenshot({ path: join(SCREENSHOTS, 'plenary-proposals.png'), fullPage: true })
    const wall = await wallOf(projector.page)
    expect(wall.groups[0]).toContain('Un interlocuteur unique pour toutes les démarches')
    expect(wall.groups[0]).toContain(
      frenchSpacing('« Un guichet unique pour toutes les démarches »'),
    )
    expect(wall.groups[0]).toContain(
      frenchSpacing('« Un interlocuteur unique au CCAS qui suit chaque dossier »'),
    )
    expect(wall.ateliers.flat()).toHaveLength(5) // 7 transmitted, 2 of them in the group
    expect(await overflowingCards(projector.page)).toBe(0)
    await projector.page.screenshot({ path: join(SCREENSHOTS, 'wall-1920x1080.png') })
    await projector.page.setViewportSize({ width: 1280, height: 720 })
    await expect.poll(() => overflowingCards(projector.page)).toBe(0)
    await projector.page.screenshot({ path: join(SCREENSHOTS, 'wall-1280x720.png') })
    await projector.page.setViewportSize({ width: 1920, height: 1080 })

    // A vote by collège, usagers weighing double, élus half (typed with a French decimal
    // comma, which a number field turned into "05"); two people count, on two devices.
    await panel.getByRole('button', { name: 'Vote', exact: true }).click()
    // The vote mode is a setting (radio buttons in one frame), not one more row of tabs.
    await panel.getByRole('radio', { name: 'Par collège', exact: true }).check()
    const weightOf = (college: string) => panel.getByRole('textbox', { name: `Poids : ${college}` })
    await weightOf('Usagers').fill('2')
    await weightOf('Usagers').press('Enter')
    await weightOf('Élus').fill('')
    await weightOf('Élus').pressSequentially('un demi')
    await weightOf('Élus').press('Enter')
    await panel.getByRole('alert').filter({ hasText: '« un demi » n’est pas un nombre' }).waitFor()
    await weightOf('Élus').fill('')
    await weightOf('Élus').pressSequentially('0,5')
    await weightOf('Élus').press('Enter')
    await expect.poll(() => weightOf('Élus').inputValue()).toBe('0,5')
    await weightOf('Élus').blur()
    await expect.poll(() => weightOf('Élus').inputValue()).toBe('0,5')
    const group = 'Un interlocuteur unique pour toutes les démarches'
    for (const [bucket, value] of [
      ['usager', '12'],
      ['agent', '5'],
      ['partner', '3'],
      ['elected', '2'],
    ] as const) {
      await count(panel, group, bucket).fill(value)
      await count(panel, group, bucket).press('Enter')
    }
    await count(panel, 'Des bus le dimanche', 'usager').fill('15')
    await count(panel, 'Des bus le dimanche', 'usager').press('Enter')
    const second = await openPlenary(fragment)
    await second.page.getByRole('button', { name: 'Vote', exact: true }).click()
    await count(second.page, group, 'usager').fill('14')
    await count(second.page, group, 'usager').press('Enter')
    const gap = panel.getByTestId('vote-row').filter({ hasText: group }).getByTestId('count-gap')
    await expect.poll(() => gap.textContent()).toContain(frenchSpacing('écart : 12 / 14'))
    await panel.screenshot({ path: join(SCREENSHOTS, 'plenary-votes.png'), fullPage: true })

    // The projector enlarges the group while the room votes, then shows the ranking.
    await panel
      .getByTestId('vote-row')
      .filter({ hasText: group })
      .getByRole('button', { name: 'Projeter en grand' })
      .click()
    const spotlight = projector.page.getByTestId('wall-spotlight')
    await expect.poll(() => spotlight.textContent()).toContain(frenchSpacing('écart : 12 / 14'))
    expect(await spotlight.textContent()).toContain('Agents 5')
    expect(await spotlight.getByTestId('spotlight-notes').textContent()).toContain(
      'attention au coût',
    )
    await projector.page.screenshot({ path: join(SCREENSHOTS, 'wall-spotlight-vote.png') })
    await gap.getByRole('button', { name: 'Garder 14' }).click()
    await expect
      .poll(() => spotlight.getByTestId('vote-summary').textContent())
      .toBe('Usagers 14Agents 5Partenaires 3Élus 224 voix · 37 pts')

    // Opening "Classement" puts the ranking on the projector, and the bar's list says so.
    const onScreen = panel.getByLabel('À l’écran', { exact: true })
    const shown = () =>
      onScreen.evaluate((list: HTMLSelectElement) => list.selectedOptions[0]?.text)
    expect(await shown()).toBe('Mur des propositions')
    await panel.getByRole('button', { name: 'Classement', exact: true }).click()
    await expect.poll(shown).toBe('Classement')
    await retainInPlenary(panel, group)
    const rows = projector.page.getByTestId('ranking-row')
    await expect.poll(() => rows.count()).toBe(6)
    expect(await rows.nth(0).textContent()).toContain(group)
    expect(await rows.nth(0).textContent()).toContain('Retenue en plénière')
    expect(await rows.nth(1).textContent()).toContain('Des bus le dimanche')
    expect(await overflowingCards(projector.page)).toBe(0)
    await projector.page.screenshot({ path: join(SCREENSHOTS, 'ranking-1920x1080.png') })
    // Back to "Vote" for a recount: the wall is on screen again, with the group still enlarged,
    // and the bar says both.
    await panel.getByRole('button', { name: 'Vote', exact: true }).click()
    await expect.poll(shown).toBe('Mur des propositions')
    expect(await panel.getByTestId('plenary-spotlight').textContent()).toContain(group)
    await spotlight.waitFor()

    // The opening plenary, driven from the coordinator's device.
    await panel.getByRole('button', { name: 'Écran projeté', exact: true }).click()
    await onScreen.selectOption({ label: 'Thème' })
    await expect
      .poll(() => projector.page.getByTestId('opening-slide').textContent())
      .toContain('L’accès aux droits')
    await panel.getByTestId('plenary-next').click()
    await expect
      .poll(() => projector.page.getByTestId('opening-slide').getAttribute('data-screen'))
      .toBe('ateliers')
    await projector.page.screenshot({ path: join(SCREENSHOTS, 'opening-ateliers.png') })
    await onScreen.selectOption({ label: 'Le comité' })
    await expect
      .poll(() => projector.page.getByTestId('opening-slide').getAttribute('data-screen'))
      .toBe('howItWorks')
    expect(await overflowingCards(projector.page)).toBe(0)
    await projector.page.screenshot({ path: join(SCREENSHOTS, 'opening-how-it-works.png') })
    await panel.screenshot({ path: join(SCREENSHOTS, 'plenary-control.png'), fullPage: true })

    await Promise.all(
      [coordinator, logement!, sante!, mobilite!, projector, plenary, second].map((device) =>
        device.context.close(),
      ),
    )
  })

  it('keeps ten ateliers of three proposals legible on one 16:9 screen, without scrolling', async () => {
    // A full evening written straight into the relay by a Node client: the wall is what is tested.
    const writeKey = newWriteKey()
    const doc = new Y.Doc()
    const ateliers = createMeeting(doc, {
      title: 'Comité des usagers — soirée complète',
      date: '2026-12-03',
      atelierNames: BUSY_EVENING.map(([name]) => name),
    })
    const ids = BUSY_EVENING.flatMap(([, texts], index) =>
      validatedProposals(doc, ateliers[index]!, texts),
    )
    // Eight ateliers transmitted, two are still on their way; two proposals say the same thing.
    for (const atelierId of ateliers.slice(0, 8)) transmit(doc, atelierId)
    groupProposals(
      doc,
      [ids[0]!, ids[9]!],
      'Un seul interlocuteur qui suit chaque dossier du début à la fin',
    )
    const { provider, projectionLink } = await publishMeeting(evening.relay.url, writeKey, doc)

    const projector = await newDevice(evening.browser, { width: 1920, height: 1080 })
    await projector.page.goto(projectionLink)
    await expect
      .poll(() => projector.page.getByTestId('wall-transmitted').textContent(), { timeout: 20_000 })
      .toBe('8 ateliers sur 10 ont transmis')
    expect(await projector.page.getByTestId('wall-item').count()).toBe(22) // 24 − 2 grouped
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await projector.page.setViewportSize({ width, height })
      await expect.poll(() => overflowingCards(projector.page)).toBe(0)
      const fontPx = await projector.page
        .locator('.wallboard__grid')
        .evaluate((grid) => parseFloat(getComputedStyle(grid).fontSize))
      // At least 1/50 of the screen's height: about 3 cm letters on a 1.5 m high projection.
      expect(fontPx).toBeGreaterThanOrEqual(height / 50)
      await projector.page.screenshot({
        path: join(SCREENSHOTS, `wall-ten-${width}x${height}.png`),
      })
    }
    provider.destroy()
    await projector.context.close()
  })
})

/** Ten ateliers of a real evening, three proposals each, as groups word them. */
const BUSY_EVENING: Array<[string, string[]]> = [
  [
    'Accès aux droits',
    [
      'Un interlocuteur unique au CCAS qui suit chaque dossier',
      'Des formulaires en langage simple, avec des exemples',
      'Être rappelé sous 48 heures quand on laisse un message',
    ],
  ],
  [
    'Logement',
    [
      'Une permanence logement le samedi matin',
      'Un fonds d’urgence pour les impayés d’énergie',
      'Visiter les logements avant de signer, accompagné',
    ],
  ],
  [
    'Santé',
    [
      'Une aide pour choisir et payer une mutuelle',
      'Des consultations sans rendez-vous au centre social',
      'Un bus santé dans les quartiers éloignés',
    ],
  ],
  [
    'Mobilité',
    [
      'Des bus le dimanche vers le centre social',
      'Un transport à la demande pour les rendez-vous médicaux',
      'Des tickets solidaires pour les demandeurs d’emploi',
    ],
  ],
  [
    'Numérique',
    [
      'Des ateliers pour apprendre les démarches en ligne',
      'Un ordinateur en libre accès à l’accueil du CCAS',
      'Garder un guichet humain pour chaque démarche',
    ],
  ],
  [
    'Alimentation',
    [
      'Une épicerie solidaire ouverte le soir',
      'Des paniers de légumes locaux à petit prix',
      'Des repas partagés une fois par mois',
    ],
  ],
  [
    'Isolement',
    [
      'Un appel chaque semaine aux personnes seules qui le souhaitent',
      'Des visites de bénévoles à domicile',
      'Un café des habitants dans chaque quartier',
    ],
  ],
  [
    'Emploi',
    [
      'Un accompagnement vers l’emploi près de chez soi',
      'Des gardes d’enfants pour aller aux entretiens',
      'Des stages découverte avec les entreprises du quartier',
    ],
  ],
  [
    'Familles',
    [
      'Une aide aux devoirs gratuite après l’école',
      'Des sorties familles pendant les vacances',
      'Un lieu d’écoute pour les parents',
    ],
  ],
  [
    'Jeunes',
    [
      'Un point d’information jeunesse ouvert le mercredi',
      'Une aide pour passer le permis de conduire',
      'Des chantiers d’été rémunérés',
    ],
  ],
]
