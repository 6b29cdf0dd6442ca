import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  addProposal,
  createMeetingFrom,
  newDevice,
  SCREENSHOTS,
  setUpEvening,
  showView,
} from './harness'
import { frenchSpacing } from '../../src/text/strings'

/**
 * The Angers pattern, end to end on the coordinator's device: ideas pasted from paper forms and
 * sent from a meeting's ateliers, sorted into axes (one tap each, and in bulk), duplicates
 * grouped, the sieve of three criteria, a vote by collège (one collège not voting), two
 * chantiers chosen, found in the tableau de suivi. Then a bank of 1,000 ideas, measured.
 */

const evening = setUpEvening()

const PAPER_FORMS = [
  'Un journal des usagers du CCAS',
  'Des prêts facilités pour les petites dépenses',
  'Créer un journal pour les usagers du CCAS',
  'Des cours pour apprendre à prendre la parole en public',
  'Des vacances pour les familles qui ne partent jamais',
  'Une maison des adolescents dans le quartier',
  'Ouvrir la piscine municipale la nuit',
]

async function openCommittee(page: Page) {
  await page.goto(`${evening.relay.url}/#/`)
  await page.getByTestId('committee-card').click()
  await page.getByRole('button', { name: 'Ouvrir la banque d’idées' }).click()
}

async function tab(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Étape de la banque d’idées' })
    .getByRole('button', { name, exact: true })
    .click()
}

const row = (page: Page, text: string) => page.getByTestId('idea-row').filter({ hasText: text })

/** One tap on an idea's row files it in the axis chosen above the list. */
const fileIdea = (page: Page, text: string) =>
  row(page, text)
    .getByRole('button', { name: /Classer dans/ })
    .click()

async function sieve(page: Page, text: string, answers: Array<'Oui' | 'Non' | 'À voir'>) {
  const item = page.getByTestId('sieve-item').filter({ hasText: text })
  const criteria = [
    'La compétence communale',
    'La mobilisation de la citoyenneté',
    'La mobilisation des moyens',
  ]
  for (const [index, answer] of answers.entries())
    await item
      .getByRole('group', { name: criteria[index]! })
      .getByRole('button', { name: answer, exact: true })
      .click()
  return item
}

async function countVotes(page: Page, college: string, counts: Record<string, number>) {
  await page
    .getByRole('group', { name: 'Collège qui vote' })
    .getByRole('radio', { name: new RegExp(`^${college}`) })
    .check()
  for (const [text, count] of Object.entries(counts)) {
    const field = page
      .getByTestId('idea-vote-row')
      .filter({ hasText: text })
      .getByTestId('idea-count')
    await field.fill(String(count))
    await field.press('Enter')
  }
}

const texts = (locator: Locator, selector: string) =>
  locator.evaluateAll(
    (elements, inner) => elements.map((element) => element.querySelector(inner)?.textContent ?? ''),
    selector,
  )

describe('the idea bank', () => {
  it('collects, sorts, sieves, votes by collège and sends two chantiers to the follow-up', async () => {
    const { context, page } = await newDevice(evening.browser)
    // A meeting (which creates this device's committee) whose atelier brought two proposals.
    const links = await createMeetingFrom(page, evening.relay.url, 'Soirée du 12 mars')
    const atelier = await context.newPage()
    await atelier.goto(links.ateliers[0]!)
    await showView(atelier, 'Notes et propositions')
    await addProposal(atelier, 'Former les agents à l’écoute')
    await addProposal(atelier, 'Le dialogue avec les jeunes du quartier')
    await atelier.close()

    // Collect: a stack of paper forms pasted at once, then the meeting's proposals.
    await openCommittee(page)
    const bank = page.getByTestId('idea-bank')
    // Whole-panel screenshots: keep the sticky top bar from being painted across them.
    await page.addStyleTag({ content: '.topbar { position: static !important; }' })
    await page.getByTestId('idea-input').fill(PAPER_FORMS.map((line) => `- ${line}`).join('\n'))
    await page.getByRole('button', { name: 'Fiches papier' }).click()
    await page.getByTestId('idea-source-label').fill('Fête de quartier Monplaisir')
    await page.getByRole('button', { name: 'Ajouter ces 7 idées' }).click()
    await expect
      .poll(() => page.getByTestId('idea-bank-summary').textContent())
      .toContain('7 idées')
    const fromMeeting = page.getByTestId('ideas-from-meeting')
    await fromMeeting.getByRole('button', { name: 'Envoyer à la banque d’idées' }).click()
    await expect.poll(() => fromMeeting.getByRole('status').textContent()).toBe('2 idées ajoutées.')
    await fromMeeting.getByRole('button', { name: 'Envoyer à la banque d’idées' }).click()
    await expect
      .poll(() => fromMeeting.getByRole('status').textContent())
      .toBe('Aucune nouvelle idée (2 déjà dans la banque).')
    await bank.screenshot({ path: join(SCREENSHOTS, 'ideas-collect.png') })

    // Sort: choose an axis once, then one tap per idea; then a bulk move.
    await tab(page, 'Classer')
    await expect.poll(() => page.getByTestId('idea-count').textContent()).toBe('9 idées')
    await page
      .getByTestId('idea-target')
      .selectOption({ label: '1. Améliorer l’information des usagers' })
    for (const text of ['Un journal des usagers', 'prendre la parole', 'Former les agents'])
      await fileIdea(page, text)
    for (const text of [
      'Des prêts facilités',
      'Des vacances',
      'Une maison des adolescents',
      'piscine',
    ])
      await row(page, text).getByRole('checkbox').check()
    await page
      .getByTestId('idea-target')
      .selectOption({ label: '2. Améliorer les prestations et les services offerts' })
    await page
      .getByRole('button', {
        name: 'Classer la sélection dans « Améliorer les prestations et les services offerts »',
      })
      .click()
    await page
      .getByTestId('idea-target')
      .selectOption({ label: '5. Une enfance et une jeunesse citoyennes demain' })
    await fileIdea(page, 'dialogue avec les jeunes')
    await page.getByTestId('idea-axis-filter').selectOption({ label: 'À classer (1)' })
    expect(await texts(page.getByTestId('idea-row'), '.idea-row__text')).toEqual([
      'Créer un journal pour les usagers du CCAS',
    ])
    await page.getByTestId('idea-axis-filter').selectOption({ label: 'Tous les axes' })
    await bank.screenshot({ path: join(SCREENSHOTS, 'ideas-sort.png') })

    // Duplicates: the two journals are found and grouped, each keeping its source.
    await page.getByRole('button', { name: 'Doublons possibles (1)' }).click()
    const cluster = page.getByTestId('idea-cluster')
    expect(await cluster.locator('.idea-cluster__text').allTextContents()).toEqual([
      'Un journal des usagers du CCAS',
      'Créer un journal pour les usagers du CCAS',
    ])
    await cluster.getByLabel('Formulation commune').fill('Un journal des usagers du CCAS')
    await bank.screenshot({ path: join(SCREENSHOTS, 'ideas-duplicates.png') })
    await cluster.getByRole('button', { name: 'Regrouper' }).click()
    await page.getByRole('button', { name: 'Revenir à la liste' }).click()
    await expect.poll(() => page.getByTestId('idea-count').textContent()).toBe('8 idées')
    await row(page, 'Regroupement de 2 idées').locator('.idea-row__body').click()
    const detail = page.getByTestId('idea-detail')
    expect(await detail.locator('.idea-detail__origins li .muted').allTextContents()).toEqual(
      Array(2).fill(
        expect.stringMatching(/^Fiches papier — Fête de quartier Monplaisir · \d\d\/\d\d\/\d{4}$/),
      ),
    )
    expect(
      await detail
        .getByRole('button', { name: /^1\. Améliorer l’information/ })
        .getAttribute('aria-pressed'),
    ).toBe('true')
    await page.screenshot({ path: join(SCREENSHOTS, 'ideas-detail.png') })
    await detail.getByRole('button', { name: 'Fermer' }).click()

    // The axes and criteria: Angers's, editable.
    await tab(page, 'Axes et critères')
    expect(await page.getByTestId('idea-axes').locator('.idea-named').count()).toBe(8)
    expect(await page.getByTestId('idea-criteria').locator('.idea-named').count()).toBe(3)
    await bank.screenshot({ path: join(SCREENSHOTS, 'ideas-axes.png') })

    // The sieve: four pass, one is set aside with its reason.
    await tab(page, 'Tamis')
    await sieve(page, 'Un journal des usagers', ['Oui', 'Oui', 'Oui'])
    await sieve(page, 'Des prêts facilités', ['Oui', 'Oui', 'Oui'])
    await sieve(page, 'prendre la parole', ['Oui', 'Oui', 'Oui'])
    await sieve(page, 'dialogue avec les jeunes', ['Oui', 'Oui', 'Oui'])
    const refused = await sieve(page, 'piscine', ['Oui', 'Non'])
    await refused
      .getByLabel('Justification — La mobilisation de la citoyenneté')
      .fill('Question de sécurité, pas de bénévoles la nuit')
    await refused.getByLabel('Justification — La mobilisation de la citoyenneté').press('Enter')
    await sieve(page, 'Des vacances', ['Oui', 'À voir'])
    expect(await refused.getByTestId('sieve-status').textContent()).toBe('Écartée')
    await bank.screenshot({ path: join(SCREENSHOTS, 'ideas-sieve.png') })
    // A tablet held upright: the answers fold under each criterion.
    await page.setViewportSize({ width: 768, height: 1024 })
    await page
      .getByTestId('sieve-item')
      .nth(3)
      .screenshot({
        path: join(SCREENSHOTS, 'ideas-sieve-portrait.png'),
      })
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.getByTestId('sieve-filter-pass').click()
    await expect.poll(() => page.getByTestId('sieve-item').count()).toBe(4)

    // The vote: the usagers and the élus vote; the agents do not.
    await tab(page, 'Vote')
    await countVotes(page, 'Usagers', {
      'Un journal des usagers': 30,
      'Des prêts facilités': 25,
      'prendre la parole': 5,
      'dialogue avec les jeunes': 0,
    })
    await countVotes(page, 'Élus', {
      'Un journal des usagers': 1,
      'Des prêts facilités': 3,
      'prendre la parole': 1,
      'dialogue avec les jeunes': 1,
    })
    await bank.screenshot({ path: join(SCREENSHOTS, 'ideas-vote.png') })

    // The ranking: each collège counts as much (its share of its own votes). Prêts: (25/60 +
    // 3/6) / 2 = 46 %, journal (30/60 + 1/6) / 2 = 33 %: the élus' choice outweighs 5 more hands
    // of usagers. Choose the first two as chantiers.
    await tab(page, 'Classement')
    const rows = page.getByTestId('idea-rank-row')
    await expect
      .poll(() => texts(rows, '.plenary-ranking__text'))
      .toEqual([
        'Des prêts facilités pour les petites dépenses',
        'Un journal des usagers du CCAS',
        'Des cours pour apprendre à prendre la parole en public',
        'Le dialogue avec les jeunes du quartier',
      ])
    expect(await page.locator('.idea-ranking__colleges').textContent()).toBe(
      frenchSpacing(
        'Ont voté : Usagers (60 voix), Élus (6 voix) · Pas encore voté (non compté) : Agents, Partenaires',
      ),
    )
    for (const index of [0, 1])
      await rows.nth(index).getByRole('button', { name: 'Choisir comme chantier' }).click()
    await expect
      .poll(() => page.getByTestId('idea-chosen-count').textContent())
      .toBe(frenchSpacing('2 chantiers choisis : ils sont dans le tableau de suivi.'))
    await bank.screenshot({ path: join(SCREENSHOTS, 'ideas-ranking.png') })

    // The tableau de suivi on the committee screen has them, with their origin.
    const followUp = page.getByTestId('follow-up-item')
    await expect.poll(() => followUp.count()).toBe(2)
    const journal = followUp.filter({ hasText: 'Un journal des usagers du CCAS' })
    expect(await journal.locator('.proposal__meta .muted').textContent()).toMatch(
      /^Banque d’idées — Améliorer l’information des usagers, Fiches papier — Fête de quartier Monplaisir · \d\d\/\d\d\/\d{4}$/,
    )
    expect(await journal.getAttribute('data-status')).toBe('retained')
    await followUp.first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'ideas-follow-up.png') })
    await context.close()
  })

  it('keeps a bank of 1,000 ideas fast to add, filter, file and scroll', async () => {
    const { context, page } = await newDevice(evening.browser)
    await createMeetingFrom(page, evening.relay.url, 'Rencontre')
    await openCommittee(page)
    const themes = ['logement', 'emploi', 'transport', 'vacances', 'santé', 'écoute', 'quartier']
    const many = Array.from(
      { length: 1000 },
      (_, i) => `Idée n° ${i + 1} : ${themes[i % 7]} et ${themes[(i * 3) % 7]} pour tous`,
    )
    await page.getByTestId('idea-input').fill(many.join('\n'))
    const added = await page.evaluate(async () => {
      const start = performance.now()
      const button = Array.from(document.querySelectorAll('button')).find(
        (candidate) => candidate.textContent === 'Ajouter ces 1000 idées',
      )!
      button.click()
      const summary = document.querySelector('[data-testid="idea-bank-summary"]')!
      while (!summary.textContent?.startsWith('1000 idées'))
        await new Promise((resolve) => requestAnimationFrame(resolve))
      return performance.now() - start
    })
    await tab(page, 'Classer')
    await expect.poll(() => page.getByTestId('idea-count').textContent()).toBe('1000 idées')
    // Open the list view: how long from the tap to the list on screen.
    await tab(page, 'Axes et critères')
    const opened = await page.evaluate(async () => {
      const start = performance.now()
      Array.from(document.querySelectorAll('button'))
        .find((candidate) => candidate.textContent === 'Classer')!
        .click()
      while (!document.querySelector('[data-testid="idea-row"]'))
        await new Promise((resolve) => requestAnimationFrame(resolve))
      return performance.now() - start
    })
    const list = page.getByTestId('idea-list')
    const drawn = await page.getByTestId('idea-row').count()
    expect(drawn).toBeLessThan(40)

    // Scroll through the whole list in steps, one per frame, recording frame intervals.
    const scroll = await list.evaluate(async (element) => {
      const frames: number[] = []
      let last = performance.now()
      const rowsSeen = new Set<string>()
      for (let top = 0; top <= element.scrollHeight; top += 400) {
        element.scrollTop = top
        await new Promise((resolve) => requestAnimationFrame(resolve))
        const now = performance.now()
        frames.push(now - last)
        last = now
        for (const row of element.querySelectorAll('[data-testid="idea-row"]'))
          rowsSeen.add(row.getAttribute('data-item-id')!)
      }
      frames.sort((a, b) => a - b)
      return {
        frames: frames.length,
        median: frames[Math.floor(frames.length / 2)]!,
        p95: frames[Math.floor(frames.length * 0.95)]!,
        max: frames.at(-1)!,
        rowsSeen: rowsSeen.size,
        rowsInDom: element.querySelectorAll('[data-testid="idea-row"]').length,
      }
    })
    expect(scroll.rowsSeen).toBe(1000)
    expect(scroll.rowsInDom).toBeLessThan(40)
    await list.evaluate((element) => (element.scrollTop = 52_000))
    await list.evaluate((element) => element.scrollIntoView({ block: 'end' }))
    await page.screenshot({ path: join(SCREENSHOTS, 'ideas-1000.png') })

    // Search, then one tap to file an idea: time to the next frame showing it.
    const search = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="idea-search"]')!
      const start = performance.now()
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
      setter.call(input, 'n° 999 ')
      input.dispatchEvent(new Event('input', { bubbles: true }))
      const count = document.querySelector('[data-testid="idea-count"]')!
      while (!count.textContent?.startsWith('1 idée affichée'))
        await new Promise((resolve) => requestAnimationFrame(resolve))
      return performance.now() - start
    })
    await page
      .getByTestId('idea-target')
      .selectOption({ label: '3. Explorer les possibilités de travail pour tous' })
    const filed = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('.idea-row__file')!
      const row = button.closest('[data-testid="idea-row"]')!
      const start = performance.now()
      button.click()
      while (row.getAttribute('data-axis') === '')
        await new Promise((resolve) => requestAnimationFrame(resolve))
      return performance.now() - start
    })
    console.info(
      `1,000 ideas — added in ${added.toFixed(0)} ms; list shown in ${opened.toFixed(0)} ms with ${drawn} rows drawn; ` +
        `scroll over ${scroll.frames} frames: median ${scroll.median.toFixed(1)} ms, p95 ${scroll.p95.toFixed(1)} ms, ` +
        `max ${scroll.max.toFixed(1)} ms, ${scroll.rowsInDom} rows in the DOM; search ${search.toFixed(0)} ms; ` +
        `one-tap filing ${filed.toFixed(0)} ms`,
    )
    await context.close()
  })
})
