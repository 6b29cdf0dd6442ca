/**
 * Client document scale: a meeting of 12 ateliers × 40 proposals reached in 20,000 edits
 * (`meetingFixture.ts`), its encoded size, and in Chromium the time to open it from IndexedDB
 * through the app's own persistence (`LocalStore`) and to render its projection wall.
 *
 * The page (`bench/client/`) is built by Vite in production mode from the app's modules. The
 * meeting is stored through `LocalStore` itself, in the two shapes a device's storage takes:
 * one record (just after a compaction) and 1 + 498 records (the most it holds before the next
 * compaction, at 500). Each open is a fresh page load (a new JavaScript context; the browser's
 * IndexedDB is warm, as on a tablet that reloads). Median of `runs`, without and with the CPU
 * throttled 4×.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import * as Y from 'yjs'
import { build } from 'vite'
import { buildMeeting } from './meetingFixture'
import { launch, serveDirectory, throttle } from './browser'
import { median } from './report'

const ROOT = join(import.meta.dirname, '..')

export interface OpenFigures {
  openMs: number
  readMs: number
  renderMs: number
}

export interface ClientScaleResult {
  ateliers: number
  proposals: number
  edits: number
  encodedBytes: number
  wallItems: number
  /** By storage shape ("1 record", "499 records") and CPU rate (1, 4). */
  opens: Array<{ records: number; cpu: number; figures: OpenFigures }>
  runs: number
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

export async function runClientScale(runs: number): Promise<ClientScaleResult> {
  const fixture = buildMeeting(12, 40, 20_000)
  const outDir = await mkdtemp(join(tmpdir(), 'tandem-bench-page-'))
  const { server, url } = await (async () => {
    await build({
      configFile: false,
      root: join(ROOT, 'bench', 'client'),
      plugins: [react()],
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    })
    return serveDirectory(outDir)
  })()
  const browser = await launch()
  const opens: ClientScaleResult['opens'] = []
  let wallItems = 0
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    page.on('pageerror', (error) => console.error('[bench page]', error.message))
    await page.goto(url)
    // The last 498 edits as records of their own; the rest merged as one.
    const tailLength = 498
    const base = Y.mergeUpdates(fixture.history.slice(0, -tailLength))
    const tail = fixture.history.slice(-tailLength)
    const shapes = [
      { name: 'one-record', base: fixture.update, tail: [] as Uint8Array[] },
      { name: 'many-records', base, tail },
    ]
    for (const shape of shapes) {
      const records = await page.evaluate(([name, b, t]) => window.tandemBench.seed(name, b, t), [
        shape.name,
        toBase64(shape.base),
        shape.tail.map(toBase64),
      ] as const)
      for (const cpu of [1, 4]) {
        const samples: OpenFigures[] = []
        for (let run = 0; run < runs; run++) {
          const fresh = await context.newPage()
          await fresh.goto(url)
          if (cpu !== 1) await throttle(fresh, cpu)
          const result = await fresh.evaluate((name) => window.tandemBench.open(name), shape.name)
          wallItems = result.wallItems
          samples.push(result)
          await fresh.close()
        }
        opens.push({
          records,
          cpu,
          figures: {
            openMs: median(samples.map((s) => s.openMs)),
            readMs: median(samples.map((s) => s.readMs)),
            renderMs: median(samples.map((s) => s.renderMs)),
          },
        })
      }
    }
  } finally {
    await browser.close()
    server.close()
    await rm(outDir, { recursive: true, force: true })
  }
  return {
    ateliers: fixture.ateliers,
    proposals: fixture.proposals,
    edits: fixture.edits,
    encodedBytes: fixture.update.length,
    wallItems,
    opens,
    runs,
  }
}
