/**
 * The idea bank at the size of the Angers collection (700 ideas in two months) and beyond: what
 * reading 1,000 ideas and looking for duplicates among them costs, in Node. These timings were
 * assertions in the unit tests, where a busy machine made them fail; here they are figures.
 */
import * as Y from 'yjs'
import { duplicateClusters } from '../src/doc/ideaSimilarity'
import { addIdeas } from '../src/doc/ideaCollect'
import { answerCriterion } from '../src/doc/ideaSieve'
import { classify, DEFAULT_AXES, DEFAULT_CRITERIA } from '../src/doc/ideaAxes'
import { groupIdeas } from '../src/doc/ideaGroups'
import { readIdeaBank } from '../src/doc/ideaBank'

export interface IdeaBankResult {
  ideas: number
  readMs: number
  duplicatesMs: number
}

const WORDS =
  'logement emploi transport vacances journal santé écoute quartier jeunes parole'.split(' ')

/** Median of `runs` timings of `work`, after one warm-up. */
function median(runs: number, work: () => void): number {
  work()
  const times = Array.from({ length: runs }, () => {
    const start = performance.now()
    work()
    return performance.now() - start
  }).sort((a, b) => a - b)
  return times[Math.floor(runs / 2)]!
}

export function runIdeaBank(ideas = 1000, runs = 5): IdeaBankResult {
  const doc = new Y.Doc()
  const texts = Array.from(
    { length: ideas },
    (_, i) =>
      `Idée ${i % 97} sur ${WORDS[i % 10]} et ${WORDS[(i * 7) % 10]} pour ${WORDS[(i * 3) % 10]}`,
  )
  const ids = addIdeas(doc, texts, { kind: 'paper', label: 'Forum' }, 1)
  classify(doc, ids.slice(0, (ideas * 3) / 5), DEFAULT_AXES[0]!.id)
  for (const id of ids.slice(0, ideas / 3)) answerCriterion(doc, id, DEFAULT_CRITERIA[0]!.id, 'yes')
  groupIdeas(doc, ids.slice(-10, -5), 'Groupe', 2)
  const entries = texts.map((text, i) => ({ id: ids[i]!, text }))
  return {
    ideas,
    readMs: median(runs, () => readIdeaBank(doc)),
    duplicatesMs: median(runs, () => duplicateClusters(entries)),
  }
}
