/**
 * Text rules of the idea bank (pure, no Yjs): the normalised form used to search, and the
 * detection of possible duplicates among hundreds of ideas typed by different people.
 *
 * Two ideas are possible duplicates when their significant words overlap enough: words are
 * lower-cased, stripped of accents and punctuation, French grammar words are dropped, and a
 * final plural "s"/"x" is cut ("Des prêts facilités" ~ "prêt facilité"). Similarity is the Dice
 * coefficient of the two sets of words, 2·|A∩B| / (|A|+|B|): 1 for the same words, 0 for none
 * in common. Candidates are found through an index of words, so 1,000 ideas are compared in a
 * few tens of milliseconds instead of half a million pairs.
 */

/** Dice coefficient at or above which two ideas are shown as possible duplicates. */
export const DUPLICATE_THRESHOLD = 0.6

// Grammar words that say nothing about an idea ("plus de bancs" and "des bancs" are the same).
const STOPWORDS = new Set(
  `a au aux avec ce ces cet cette d dans de des du elle elles en est et etre faire il ils je l la
  le les leur leurs lui ma mais me mes mon ne nos notre nous on ou par pas plus moins pour qu que
  qui sa se ses son sont sur ta te tes ton tu un une vos votre vous y tres afin chez entre comme
  faut peut doit bien tout tous toute toutes autre autres aussi encore si sans`.split(/\s+/),
)

/** Lower case, no accents, letters and digits separated by single spaces. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function stem(word: string): string {
  return word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word
}

/** The significant words of a text, each once. */
export function significantWords(text: string): string[] {
  const words = normalise(text)
    .split(' ')
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map(stem)
  return [...new Set(words)]
}

/** Dice coefficient of the significant words of two texts (0 to 1). */
export function similarity(a: string, b: string): number {
  const left = significantWords(a)
  const right = new Set(significantWords(b))
  if (left.length === 0 || right.size === 0) return 0
  const shared = left.filter((word) => right.has(word)).length
  return (2 * shared) / (left.length + right.size)
}

/** The most ideas shown together as possible duplicates of one another. */
export const CLUSTER_MAX = 12

/**
 * Groups of possible duplicates among `entries`, in list order: each group is an entry and the
 * later entries at or above `threshold` of it (at most `CLUSTER_MAX`), every entry in one group
 * at most. Groups are built around one entry rather than by chains of resemblance, so they stay
 * tight: A like B and B like C does not put A with C. `sameItem` says two entries are already
 * together (grouped): such a pair does not make a group on its own.
 */
export function duplicateClusters<T extends { id: string; text: string }>(
  entries: readonly T[],
  threshold = DUPLICATE_THRESHOLD,
  sameItem: (a: T, b: T) => boolean = () => false,
): T[][] {
  const words = entries.map((entry) => significantWords(entry.text))
  const index = new Map<string, number[]>()
  words.forEach((list, i) => {
    for (const word of list) {
      const postings = index.get(word)
      if (postings) postings.push(i)
      else index.set(word, [i])
    }
  })
  const taken = new Uint8Array(entries.length)
  const shared = new Uint16Array(entries.length)
  const touched: number[] = []
  const clusters: T[][] = []
  for (let i = 0; i < entries.length; i++) {
    if (taken[i]) continue
    for (const word of words[i]!)
      for (const j of index.get(word)!) {
        if (j <= i || taken[j]) continue
        if (shared[j] === 0) touched.push(j)
        shared[j]! += 1
      }
    touched.sort((a, b) => a - b)
    const cluster = [i]
    for (const j of touched) {
      const dice = (2 * shared[j]!) / (words[i]!.length + words[j]!.length)
      shared[j] = 0
      if (dice >= threshold && cluster.length < CLUSTER_MAX) cluster.push(j)
    }
    touched.length = 0
    const members = cluster.map((k) => entries[k]!)
    // Already together: not a suggestion unless someone new joins them.
    if (members.length < 2 || members.every((member) => sameItem(members[0]!, member))) continue
    for (const k of cluster) taken[k] = 1
    clusters.push(members)
  }
  return clusters
}

/**
 * Search: every word typed appears somewhere in the idea (accents and case ignored, the start
 * of a word is enough: "log" finds "logement"). `key` is `normalise(text)`, computed once.
 */
export function matchesQuery(key: string, query: string): boolean {
  const words = normalise(query).split(' ').filter(Boolean)
  return words.every((word) => key.includes(word))
}
