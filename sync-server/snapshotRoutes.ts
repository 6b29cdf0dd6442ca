/**
 * The HTTP side of `snapshots.ts`: a coordinator's device lists a meeting's snapshots and fetches
 * one to restore from.
 *
 *   GET /snapshots/<roomId>        → 200 { "snapshots": [{ "at": ms, "bytes": n }, …] } oldest first
 *   GET /snapshots/<roomId>/<at>   → 200 the document as it was then (one Yjs update), or 404
 *
 * Only with the meeting's write key, in `Authorization: Bearer <key>` (never in the URL, which
 * logs and proxies keep): a projection link, which may only read the present, gets 401 like a
 * wrong key, and so does a room that does not exist — the answer never tells which. Browser
 * pages from another origin are held to `ALLOWED_ORIGINS`, as sync connections are
 * (`origin.ts`); an allowed one gets the CORS headers it needs for the `Authorization` header.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { accessFor, roomIdSchema } from '../src/links/capability'
import { SNAPSHOTS_PATH, type SnapshotListing } from '../src/sync/protocol'
import { originAllowed } from './origin'
import { listSnapshots, readSnapshot } from './snapshots'
import { sendText } from './static'

export interface SnapshotRoutesOptions {
  /** Each room's snapshots are in `<snapshotsDir>/<roomId>/`. */
  snapshotsDir: string
  allowedOrigins: readonly string[] | '*'
  /** A snapshot inflating beyond this is refused (it cannot be one the relay wrote). */
  maxDocumentBytes: number
}

const ROUTE = new RegExp(`^${SNAPSHOTS_PATH}/([^/]+)(?:/(\\d{1,15}))?$`)

export function isSnapshotsPath(pathname: string): boolean {
  return pathname.startsWith(`${SNAPSHOTS_PATH}/`)
}

/** Answers a request whose path starts with `/snapshots/`. Rejects only on a disk error. */
export async function serveSnapshots(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: SnapshotRoutesOptions,
): Promise<void> {
  const origin = req.headers.origin
  if (!originAllowed(origin, req.headers.host, options.allowedOrigins))
    return sendText(res, 403, 'Forbidden origin\n')
  const cors: Record<string, string> = origin
    ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
    : {}
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...cors,
      'Access-Control-Allow-Methods': 'GET',
      'Access-Control-Allow-Headers': 'Authorization',
      'Access-Control-Max-Age': '600',
    })
    return void res.end()
  }
  if (req.method !== 'GET') return sendText(res, 405, 'GET only\n', { ...cors, Allow: 'GET' })
  const match = ROUTE.exec(pathname)
  const roomId = roomIdSchema.safeParse(match?.[1])
  if (!match || !roomId.success) return sendText(res, 404, 'Not found\n', cors)
  const key = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''
  if (accessFor(roomId.data, key, timingSafeEqual) !== 'write')
    return sendText(res, 401, 'A write key is needed\n', { ...cors, 'WWW-Authenticate': 'Bearer' })

  const dir = join(options.snapshotsDir, roomId.data)
  const headers = { ...cors, 'Cache-Control': 'no-store' }
  if (match[2] === undefined) {
    const listing: SnapshotListing = { snapshots: await listSnapshots(dir) }
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' })
    return void res.end(JSON.stringify(listing))
  }
  const snapshot = await readSnapshot(dir, Number(match[2]), options.maxDocumentBytes).catch(
    () => undefined, // torn or altered: not a snapshot this relay can vouch for
  )
  if (snapshot === undefined) return sendText(res, 422, 'Unreadable snapshot\n', headers)
  if (snapshot === null) return sendText(res, 404, 'No such snapshot\n', headers)
  res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream' })
  res.end(snapshot)
}
