/**
 * A meeting's dated snapshots, fetched from the relay that keeps them (`sync-server/snapshots.ts`)
 * for the coordinator's "restore to a moment". Needs the network and the meeting's write key,
 * sent in the `Authorization` header (docs/protocol.md, section 3). What comes back is untrusted:
 * the listing is validated here, a snapshot by `openEarlierCopy` before anything uses it.
 */
import { z } from 'zod'
import type { CapabilityKey, RoomId } from '../links/capability'
import { SNAPSHOTS_PATH } from './protocol'

const listingSchema = z.object({
  snapshots: z
    .array(z.object({ at: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }))
    .max(100_000),
})
export type RelaySnapshot = z.infer<typeof listingSchema>['snapshots'][number]

/** Why snapshots could not be had: no relay reachable, a key it refuses, or a bad answer. */
export type SnapshotProblem = 'unreachable' | 'refused' | 'unreadable'

export class SnapshotError extends Error {
  constructor(readonly problem: SnapshotProblem) {
    super(`snapshots: ${problem}`)
  }
}

async function get(
  relay: string,
  path: string,
  writeKey: CapabilityKey,
  signal?: AbortSignal,
): Promise<Response> {
  let response: Response
  try {
    response = await fetch(relay + path, {
      headers: { Authorization: `Bearer ${writeKey}` },
      cache: 'no-store',
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new SnapshotError('unreachable')
  }
  if (response.status === 401 || response.status === 403) throw new SnapshotError('refused')
  if (!response.ok) throw new SnapshotError('unreadable')
  return response
}

/** The meeting's snapshots, newest first. */
export async function listRelaySnapshots(
  relay: string,
  roomId: RoomId,
  writeKey: CapabilityKey,
  signal?: AbortSignal,
): Promise<RelaySnapshot[]> {
  const response = await get(relay, `${SNAPSHOTS_PATH}/${roomId}`, writeKey, signal)
  const parsed = listingSchema.safeParse(await response.json().catch(() => null))
  if (!parsed.success) throw new SnapshotError('unreadable')
  return parsed.data.snapshots.sort((a, b) => b.at - a.at)
}

/** The meeting as it was at `at`: one Yjs update, to open with `openEarlierCopy`. */
export async function fetchRelaySnapshot(
  relay: string,
  roomId: RoomId,
  writeKey: CapabilityKey,
  at: number,
): Promise<Uint8Array> {
  const response = await get(relay, `${SNAPSHOTS_PATH}/${roomId}/${at}`, writeKey)
  return new Uint8Array(await response.arrayBuffer())
}
