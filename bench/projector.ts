/**
 * What people see during a live evening: the projector (the real app, built, in Chromium, served
 * and synced by Tandem's relay) while ten ateliers type their notes and transmit one after
 * another; and the atelier tablet's own keystrokes in a large meeting.
 *
 * The ateliers are not ten browsers (two cores could not run them): each is the app's sync
 * client (`y-websocket`'s WebsocketProvider, as `meetingSession.ts` sets it up) and the app's
 * own mutations (`editNote`, `transmit`) in this Node process, through the real relay. Each types
 * one keystroke in its notes every 250 ms (4/s, every tenth a backspace), from a random phase.
 *
 * Measured in the projector's page, by a script added before the app loads:
 * - **transmit → painted**: from the `transmit()` call in Node (the tap on "Transmettre") until
 *   the last of that atelier's proposals is on the projector: a MutationObserver sees its element
 *   (`data-item-id`), and the next `requestAnimationFrame` (the frame that paints it) stamps it;
 * - **behind the relay**: every WebSocket message the page handles is stamped when its handler
 *   starts; after the run, its Yjs structs are decoded here and matched with the moment their
 *   keystroke or transmission was made (`Date.now()`, one clock for both processes). The max is
 *   how far the projector ever was behind;
 * - **main-thread busy share**: `TaskDuration` of the DevTools `Performance` domain over the run.
 * The projector runs at 1× and 4× CPU (`Emulation.setCPUThrottlingRate`).
 *
 * Screens: the wall (transmissions are its items), the ranking (the same items as rows), and the
 * spotlight on one proposal while the coordinator types its debate note (4 keystrokes/s, timed to
 * the note's new length painted) — all while the ateliers type.
 *
 * The tablet: an atelier link on a meeting of 12 ateliers × 40 proposals, the rapporteur typing
 * in a note (Chromium's keyboard, 150 ms apart) while the 11 other ateliers type theirs: from the
 * `input` event's time stamp to the next animation frame.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import type { Page } from 'playwright-core'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { transmit } from '../src/doc/ateliers'
import { notesOf } from '../src/doc/layout'
import { createMeeting, readMeeting } from '../src/doc/meetingDoc'
import { editNote } from '../src/doc/notes'
import { debateNoteKey, openDebateNote, setScreen, setSpotlight } from '../src/doc/plenary'
import { addProposal, setValidated } from '../src/doc/proposals'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { formatLinkFragment } from '../src/links/links'
import { CHROMIUM, CHROMIUM_ARGS, throttle } from './browser'
import { buildMeeting } from './meetingFixture'
import { quantile, sleep } from './report'
import { provider, whenSynced } from './reconnect'
import type { RunningRelay } from './relays'
import { chromium } from 'playwright-core'

export type LiveScreen = 'wall' | 'ranking' | 'spotlight'

export interface Spread {
  p50: number
  p95: number
  max: number
  samples: number
  /** Expected but never painted (counted as missing, not in the figures). */
  missing: number
}

export interface LiveResult {
  screen: LiveScreen
  cpu: number
  seconds: number
  keystrokesPerSecond: number
  /** Transmit → painted (wall, ranking), or debate-note keystroke → painted (spotlight). */
  painted: Spread
  /** How far behind the relay the projector's messages were handled. */
  behind: Spread
  /** Main thread busy / wall time, over the run. */
  busyShare: number
}

export interface TabletResult {
  cpu: number
  ateliers: number
  proposals: number
  inputToPaint: Spread
}

const ATELIERS = 10
/** After the run, how long the projector gets to catch up before what it missed is counted. */
const DRAIN_MS = 5_000
// Each sync client adds an exit listener to the process: a dozen at once is expected here.
process.setMaxListeners(64)
const KEYSTROKE_MS = 250
const PROPOSAL =
  'Une permanence d’accueil le samedi matin au CCAS, sans rendez-vous, avec un agent et une association'
const TYPED = 'Les usagers disent que les horaires ne vont pas quand on travaille. '

function spread(values: number[], missing = 0): Spread {
  return {
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    samples: values.length,
    missing,
  }
}

/**
 * Runs in the page before the app: stamps messages, painted items, note lengths and keystrokes,
 * and sends the stamps out as console messages, gathered for at most `FLUSH_MS` (each console
 * message costs the page's main thread, which is what is measured). Nothing is kept to be read
 * at the end: a projector that fell minutes behind would answer a question only once it caught
 * up, while a batch leaves as soon as the thread is free, each stamp with its own time.
 */
function instrument() {
  const FLUSH_MS = 200
  const batch: Array<[string, unknown]> = []
  // `info`: a level the app never uses, read by `listen` below.
  const flush = () => console.info('bench:batch', JSON.stringify(batch.splice(0)))
  const send = (kind: string, data: unknown) => {
    if (batch.length === 0) setTimeout(flush, FLUSH_MS)
    batch.push([kind, data])
  }
  /** Base64 of the bytes: a fraction of the cost of a JSON array of numbers. */
  const base64 = (bytes: Uint8Array) => {
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(binary)
  }
  const Native = window.WebSocket
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      // Registered before the app's own handler, so it runs first: when handling starts.
      this.addEventListener('message', (event: MessageEvent) => {
        // Sync messages only (type 0): awareness and the rest carry no edit.
        if (event.data instanceof ArrayBuffer && new Uint8Array(event.data)[0] === 0)
          send('frame', [Date.now(), base64(new Uint8Array(event.data))])
      })
    }
  }
  const seen = new Set<string>()
  let lastNote = -1
  const look = () => {
    const fresh: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(
      '[data-testid="wall-item"], [data-testid="ranking-row"]',
    )) {
      const id = `${element.dataset.testid}:${element.dataset.itemId}`
      if (!seen.has(id)) {
        seen.add(id)
        fresh.push(id)
      }
    }
    const note = document.querySelector('[data-testid="spotlight-notes"] p')?.textContent?.length
    const noteChanged = note !== undefined && note !== lastNote
    if (noteChanged) lastNote = note
    if (fresh.length === 0 && !noteChanged) return
    requestAnimationFrame(() => {
      const at = Date.now()
      if (fresh.length > 0) send('painted', [at, fresh])
      if (noteChanged) send('note', [at, note])
    })
  }
  new MutationObserver(look).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  })
  document.addEventListener(
    'input',
    (event) => {
      const typedAt = event.timeStamp
      requestAnimationFrame(() => send('input', performance.now() - typedAt))
    },
    true,
  )
}

/** What `instrument` sent so far, gathered in this process. */
interface Probe {
  /** When the page started handling each sync message, and its bytes. */
  frames: Array<[number, Uint8Array]>
  painted: Record<string, number>
  notes: Array<[number, number]>
  inputs: number[]
}

function listen(page: Page): Probe {
  const probe: Probe = { frames: [], painted: {}, notes: [], inputs: [] }
  page.on('console', (message) => {
    const text = message.text()
    if (!text.startsWith('bench:batch ')) return
    const batch = JSON.parse(text.slice('bench:batch '.length)) as Array<[string, never]>
    for (const [kind, data] of batch)
      if (kind === 'frame') {
        const [at, bytes] = data as [number, string]
        probe.frames.push([at, Buffer.from(bytes, 'base64')])
      } else if (kind === 'painted') {
        const [at, ids] = data as [number, string[]]
        for (const id of ids) probe.painted[id] = at
      } else if (kind === 'note') probe.notes.push(data)
      else if (kind === 'input') probe.inputs.push(data)
  })
  return probe
}

/** When each Yjs struct made here was made: `client:clock` → ms. */
type Made = Map<string, number>

function recordMade(doc: Y.Doc, made: Made, remote: unknown) {
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === remote) return
    const at = Date.now()
    for (const struct of Y.decodeUpdate(update).structs)
      made.set(`${struct.id.client}:${struct.id.clock}`, at)
  })
}

/**
 * How late each handled message was against the moment its structs were made; a struct made
 * during the run and never handled by `collected` counts as late by `collected − made`.
 */
function lateness(frames: Probe['frames'], made: Made, from: number, collected: number): number[] {
  const late: number[] = []
  const handled = new Set<string>()
  for (const [at, bytes] of frames) {
    if (at < from) continue
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readVarUint(decoder) !== 0) continue // not a sync message
    const kind = decoding.readVarUint(decoder)
    if (kind !== 1 && kind !== 2) continue // not an update
    const update = decoding.readVarUint8Array(decoder)
    let madeAt = -Infinity
    for (const struct of Y.decodeUpdate(update).structs) {
      const key = `${struct.id.client}:${struct.id.clock}`
      handled.add(key)
      madeAt = Math.max(madeAt, made.get(key) ?? -Infinity)
    }
    if (Number.isFinite(madeAt)) late.push(at - madeAt)
  }
  for (const [key, at] of made) if (at >= from && !handled.has(key)) late.push(collected - at)
  return late
}

interface Atelier {
  id: string
  doc: Y.Doc
  sync: WebsocketProvider
  note: string
  proposals: string[]
}

/** A room with a fresh meeting of `count` ateliers, each with 3 validated proposals. */
async function openEvening(relay: RunningRelay, count: number, screen: LiveScreen) {
  const capability = capabilityFromKey(newWriteKey(), 'write')
  const writeKey = capability.writeKey!
  const coordinatorDoc = new Y.Doc()
  const ids = createMeeting(coordinatorDoc, {
    title: 'Comité des usagers',
    date: '2026-12-03',
    atelierNames: Array.from({ length: count }, (_, i) => `Atelier ${i + 1}`),
  })
  const proposals = ids.map((atelierId) =>
    [1, 2, 3].map((n) => {
      const id = addProposal(coordinatorDoc, {
        atelierId,
        text: `${n}. ${PROPOSAL}`,
        authorRole: 'reporter',
      })
      setValidated(coordinatorDoc, id, true)
      return id
    }),
  )
  let spotlit: string | null = null
  if (screen === 'spotlight') {
    transmit(coordinatorDoc, ids[0]!)
    spotlit = proposals[0]![0]!
    openDebateNote(coordinatorDoc, spotlit)
    setSpotlight(coordinatorDoc, { kind: 'item', id: spotlit })
  }
  setScreen(coordinatorDoc, screen === 'ranking' ? 'ranking' : 'wall')
  const coordinator = provider(relay, capability.roomId, writeKey, coordinatorDoc, true)
  await whenSynced(coordinator)

  const ateliers: Atelier[] = []
  for (const [index, id] of ids.entries()) {
    const doc = new Y.Doc()
    const sync = provider(relay, capability.roomId, writeKey, doc, true)
    await whenSynced(sync)
    const note = [...notesOf(doc).keys()].find((key) => key.startsWith(`${id}|`))!
    ateliers.push({ id, doc, sync, note, proposals: proposals[index]! })
  }
  return { capability, coordinatorDoc, coordinator, ateliers, spotlit }
}

/**
 * Types in `note` of `doc` every 250 ms from a random phase, every tenth key a backspace unless
 * `forwardOnly`; returns the stop function.
 */
function typeEvery(doc: Y.Doc, note: string, forwardOnly = false, onKey = () => {}) {
  let count = 0
  let interval: ReturnType<typeof setInterval> | undefined
  const key = () => {
    const text = notesOf(doc).get(note)!
    if (!forwardOnly && count % 10 === 9)
      editNote(doc, note, { index: text.length - 1, deleteCount: 1, insert: '' })
    else
      editNote(doc, note, {
        index: text.length,
        deleteCount: 0,
        insert: TYPED[count % TYPED.length]!,
      })
    count += 1
    onKey()
  }
  const phase = setTimeout(() => (interval = setInterval(key, KEYSTROKE_MS)), Math.random() * 250)
  return () => {
    clearTimeout(phase)
    clearInterval(interval)
  }
}

/** The page's main-thread task time so far (s), from one DevTools session kept open. */
async function taskClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN
  }
}

/**
 * With `BENCH_PROFILE_DIR`, a CPU profile of the page over the run (DevTools' `Profiler`), written
 * as `<name>.cpuprofile` (open it in DevTools' Performance panel), and its top functions by self
 * time printed. Bench a build with `--minify false` (`BENCH_STATIC_DIR`) to read their names.
 */
async function startProfile(page: Page): Promise<((name: string) => Promise<void>) | null> {
  const dir = process.env.BENCH_PROFILE_DIR
  if (!dir) return null
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  return async (name) => {
    const { profile } = await cdp.send('Profiler.stop')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
    console.error(`${name}: top self time\n${topSelfTime(profile, 25)}`)
  }
}

/** What `Profiler.stop` returns, as far as it is read here. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>
  startTime: number
  endTime: number
  samples?: number[]
}

/** The functions that took the most samples themselves, as "ms  name  url:line" lines. */
function topSelfTime(profile: CpuProfile, count: number): string {
  const interval = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length || 1)
  const hits = new Map<number, number>()
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1)
  const byFunction = new Map<string, number>()
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame
    const key = `${functionName || '(anonymous)'}  ${url.split('/').pop()}:${lineNumber + 1}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + (hits.get(node.id) ?? 0) * interval)
  }
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, time]) => `${time.toFixed(0).padStart(7)} ms  ${key}`)
    .join('\n')
}

/**
 * Prepares a page for `instrument`: tsx compiles this module keeping function names, which
 * wraps some functions in a `__name(…)` helper the page does not have.
 */
async function instrumentPage(page: Page) {
  await page.addInitScript('globalThis.__name = (target) => target')
  await page.addInitScript(instrument)
}

/** One screen at one CPU rate: a fresh meeting, a fresh projector page, `seconds` of evening. */
export async function runLive(
  relay: RunningRelay,
  screen: LiveScreen,
  cpu: number,
  seconds: number,
): Promise<LiveResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const evening = await openEvening(relay, ATELIERS, screen)
  const made: Made = new Map()
  for (const atelier of evening.ateliers) recordMade(atelier.doc, made, atelier.sync)
  recordMade(evening.coordinatorDoc, made, evening.coordinator)
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await instrumentPage(page)
    const probe = listen(page)
    const link = formatLinkFragment({ kind: 'projection', readKey: evening.capability.readKey })
    await page.goto(`http://127.0.0.1:${relay.port}/${link}`)
    await page.waitForSelector(
      screen === 'ranking' ? '[data-testid="ranking"]' : '[data-testid="projection"]',
    )
    await throttle(page, cpu)
    await sleep(1_000)

    const taskSeconds = await taskClock(page)
    const profiler = await startProfile(page)
    const started = Date.now()
    const busyBefore = await taskSeconds()
    const stops = evening.ateliers.map((atelier) => typeEvery(atelier.doc, atelier.note))
    const taps: Array<{ at: number; ids: string[] }> = []
    const debate: Array<{ at: number; length: number }> = []
    if (evening.spotlit) {
      // The projector shows the note trimmed: a space shows with the next letter.
      const key = debateNoteKey(evening.spotlit)
      const shownLength = () => notesOf(evening.coordinatorDoc).get(key)!.toString().trim().length
      let last = shownLength()
      stops.push(
        typeEvery(evening.coordinatorDoc, key, true, () => {
          const length = shownLength()
          if (length > last) debate.push({ at: Date.now(), length })
          last = length
        }),
      )
    } else {
      // One atelier after another, spread over the run.
      for (const [index, atelier] of evening.ateliers.entries()) {
        await sleep(started + ((index + 0.5) * seconds * 1000) / ATELIERS - Date.now())
        taps.push({ at: Date.now(), ids: atelier.proposals })
        transmit(atelier.doc, atelier.id)
      }
    }
    await sleep(started + seconds * 1000 - Date.now())
    for (const stop of stops) stop()
    const busy = (await taskSeconds()) - busyBefore
    const elapsed = (Date.now() - started) / 1000
    await profiler?.(`projector-${screen}-${cpu}x`)
    // A few seconds to catch up: what is not painted by then counts as missing, and what is
    // not handled by then as behind by at least that long.
    await sleep(DRAIN_MS)
    const collected = Date.now()

    let painted: Spread
    if (evening.spotlit) {
      const delays: number[] = []
      let missing = 0
      for (const { at, length } of debate) {
        const shown = probe.notes.find(([, noteLength]) => noteLength >= length)
        if (shown) delays.push(shown[0] - at)
        else missing += 1
      }
      painted = spread(delays, missing)
    } else {
      const prefix = screen === 'ranking' ? 'ranking-row' : 'wall-item'
      const delays: number[] = []
      let missing = 0
      for (const tap of taps) {
        const times = tap.ids.map((id) => probe.painted[`${prefix}:${id}`])
        if (times.some((time) => time === undefined)) missing += 1
        else delays.push(Math.max(...(times as number[])) - tap.at)
      }
      painted = spread(delays, missing)
    }
    return {
      screen,
      cpu,
      seconds,
      keystrokesPerSecond: 1000 / KEYSTROKE_MS,
      painted,
      behind: spread(lateness(probe.frames, made, started, collected)),
      busyShare: busy / elapsed,
    }
  } finally {
    for (const atelier of evening.ateliers) {
      atelier.sync.destroy()
      atelier.doc.destroy()
    }
    evening.coordinator.destroy()
    await browser.close()
  }
}

/** What a page shows, in short: for an error message that says where it stopped. */
async function shows(page: Page): Promise<string> {
  const text = await page.evaluate(() => document.body.innerText).catch(String)
  return `the page shows: ${text.replace(/\s+/g, ' ').slice(0, 400)}`
}

/** The atelier tablet typing in a 12 × 40 meeting while the 11 other ateliers type theirs. */
export async function runTablet(relay: RunningRelay, cpu: number): Promise<TabletResult> {
  const ateliers = 12
  const perAtelier = 40
  const fixture = buildMeeting(ateliers, perAtelier, ateliers * (perAtelier * 2 + 4) + 1 + 2_400)
  const capability = capabilityFromKey(newWriteKey(), 'write')
  const writeKey = capability.writeKey!
  const coordinatorDoc = new Y.Doc()
  Y.applyUpdate(coordinatorDoc, fixture.update)
  const coordinator = provider(relay, capability.roomId, writeKey, coordinatorDoc, true)
  await whenSynced(coordinator)
  const atelierIds = readMeeting(coordinatorDoc).ateliers.map((atelier) => atelier.id)
  const others = await Promise.all(
    atelierIds.slice(1).map(async (id) => {
      const doc = new Y.Doc()
      const sync = provider(relay, capability.roomId, writeKey, doc, true)
      await whenSynced(sync)
      return { doc, sync, note: [...notesOf(doc).keys()].find((k) => k.startsWith(`${id}|`))! }
    }),
  )
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
    await instrumentPage(page)
    const probe = listen(page)
    const link = formatLinkFragment({
      kind: 'atelier',
      key: { writeKey: writeKey as never },
      atelierId: atelierIds[0]! as never,
      role: 'reporter',
    })
    page.on('pageerror', (error) => console.error(`tablet: the page failed: ${error.message}`))
    await page.goto(`http://127.0.0.1:${relay.port}/${link}`)
    const field = page.locator('[data-testid="note-input"]').first()
    // A tablet left on "En attente de la rencontre" (the first-join race of older builds) is
    // reloaded once, as its rapporteur would.
    await field.waitFor({ timeout: 20_000 }).catch(async () => {
      console.error(`tablet: the atelier did not show in 20 s; reloaded once\n${await shows(page)}`)
      await page.reload()
      await field.waitFor({ timeout: 40_000 }).catch(async (error: unknown) => {
        throw new Error(`tablet: the atelier did not show after a reload\n${await shows(page)}`, {
          cause: error,
        })
      })
    })
    await throttle(page, cpu)
    await field.click()
    await sleep(500)
    const stops = others.map((other) => typeEvery(other.doc, other.note))
    await page.keyboard.type(TYPED.repeat(2).slice(0, 100), { delay: 150 })
    for (const stop of stops) stop()
    await sleep(500)
    return {
      cpu,
      ateliers,
      proposals: ateliers * perAtelier,
      inputToPaint: spread(probe.inputs),
    }
  } finally {
    for (const other of others) {
      other.sync.destroy()
      other.doc.destroy()
    }
    coordinator.destroy()
    await browser.close()
  }
}
