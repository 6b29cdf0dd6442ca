/**
 * The fuzz bench's attackers (`fuzzLoad.ts`), in a process of their own: making and sending
 * hostile frames at the relay's rate limits keeps an event loop busy, and that loop must not be
 * the one that times the honest clients. `fuzzLoad.ts` forks this file and drives it over IPC:
 *
 *   → { type: 'prepare', attackers: [{ url, protocols, seed }…] }   ← { type: 'ready' }
 *   → { type: 'start', seconds }                                      ← { type: 'done', frames, connections }
 *
 * Each attacker holds a write key to its own meeting and sends, just under
 * `ATTACK_MESSAGES_PER_SECOND`, half the fuzzer's frames (`tests/helpers/fuzzFrames.ts`), 40 % 1 KB
 * updates whose dependencies never come, and 10 % types nested 5,000 deep; a closed attacker
 * reconnects at once.
 */
import { WebSocket } from 'ws'
import { syncUpdateFrame } from '../tests/helpers/frames'
import { framePools, fuzzFrame } from '../tests/helpers/fuzzFrames'
import { deepNesting } from '../tests/helpers/hostileUpdates'
import { seededRandom } from '../tests/helpers/random'
import { rawUpdate } from '../tests/helpers/rawUpdates'
import { now, sleep } from './report'

/** Just under the relay's default 100 messages per second per connection. */
const ATTACK_MESSAGES_PER_SECOND = 90
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024

export interface AttackerSpec {
  url: string
  protocols: string[]
  seed: number
}

export type AttackCommand =
  { type: 'prepare'; attackers: AttackerSpec[] } | { type: 'start'; seconds: number }

export type AttackReport = { type: 'ready' } | { type: 'done'; frames: number; connections: number }

/** The expensive kinds the issue found: deep nesting, and updates waiting for what never comes. */
function expensiveFrames(): { deep: Uint8Array; orphans: Uint8Array[] } {
  const deep = syncUpdateFrame(deepNesting(5000))
  const orphans = Array.from({ length: 200 }, (_, i) =>
    syncUpdateFrame(
      rawUpdate([
        {
          client: 5000 + i,
          clock: 0,
          structs: [{ origin: { client: 4999, clock: i }, content: { string: 'o'.repeat(1000) } }],
        },
      ]),
    ),
  )
  return { deep, orphans }
}

/** Frames made before the clock starts: the attackers' CPU must go to sending them. */
function attackFrames(seed: number) {
  const random = seededRandom(seed)
  return { random, pools: framePools(random), ...expensiveFrames() }
}

async function attacker(
  { url, protocols }: AttackerSpec,
  { random, pools, deep, orphans }: ReturnType<typeof attackFrames>,
  until: number,
  counts: { frames: number; connections: number },
): Promise<void> {
  while (now() < until) {
    const socket = new WebSocket(url, protocols, { perMessageDeflate: false })
    counts.connections++
    socket.on('error', () => {})
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    const opened = await Promise.race([
      new Promise<boolean>((resolve) => socket.once('open', () => resolve(true))),
      closed.then(() => false),
    ])
    while (opened && socket.readyState === WebSocket.OPEN && now() < until) {
      const pick = random.next()
      const frame =
        pick < 0.5
          ? fuzzFrame(random, pools, MAX_MESSAGE_BYTES)
          : pick < 0.9
            ? random.pick(orphans)
            : deep
      socket.send(frame, { binary: typeof frame !== 'string' })
      counts.frames++
      await sleep(1000 / ATTACK_MESSAGES_PER_SECOND)
    }
    socket.terminate()
    await closed
  }
}

const report = (message: AttackReport) => process.send!(message)
let prepared: Array<{ spec: AttackerSpec; frames: ReturnType<typeof attackFrames> }> = []

process.on('message', (command: AttackCommand) => {
  if (command.type === 'prepare') {
    prepared = command.attackers.map((spec) => ({ spec, frames: attackFrames(spec.seed) }))
    report({ type: 'ready' })
    return
  }
  const until = now() + command.seconds * 1000
  const counts = { frames: 0, connections: 0 }
  void Promise.all(prepared.map(({ spec, frames }) => attacker(spec, frames, until, counts))).then(
    () => report({ type: 'done', ...counts }),
  )
})
// Gone with the bench, even if it failed before saying so.
process.on('disconnect', () => process.exit(0))
