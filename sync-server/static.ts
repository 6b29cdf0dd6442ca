/**
 * Serves the built app (`STATIC_DIR`, Vite's `dist/`) from the relay's HTTP server, so one process
 * on the coordinator's laptop gives the tablets both the app and the sync.
 *
 * Caching: files under `/assets/` have a content hash in their name and never change, so they are
 * cached for a year. Everything else — index.html, sw.js, registerSW.js, workbox-*.js, the
 * manifest — is `no-cache` (revalidate every time), or a tablet could keep an old service worker.
 * Paths without an extension that match no file get index.html: they are routes of the app.
 *
 * Only files inside the app folder are served, after symbolic links are resolved: a link in
 * `dist/` to the relay's data (room logs, the authority's private key) is a 404, not a leak.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

const NOT_BUILT =
  "Tandem n'est pas encore construit sur ce poste : lancez « npm run build », puis rechargez la page.\n"

export type StaticHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) => Promise<void>

/** `pathname` is the request's path, still percent-encoded, without the query string. */
export function createStaticHandler(staticDir: string): StaticHandler {
  const root = resolve(staticDir)
  const assetsDir = join(root, 'assets') + sep

  return async (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' })
    }
    let path: string
    try {
      path = decodeURIComponent(pathname)
    } catch {
      return sendText(res, 400, 'Bad request\n')
    }
    const file = resolve(root, `.${path}`)
    // `resolve` has applied every `..`, including encoded ones: what is left must be under root.
    if (path.includes('\0') || (file !== root && !file.startsWith(root + sep))) {
      return sendText(res, 404, 'Not found\n')
    }
    if (!(await isDirectory(root))) return sendText(res, 503, NOT_BUILT)

    if (await isFile(file)) {
      if (!(await staysInside(root, file))) return sendText(res, 404, 'Not found\n')
      return sendFile(req, res, file, file.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE)
    }
    if (extname(path) === '') {
      const index = join(root, 'index.html')
      if (await isFile(index)) {
        if (!(await staysInside(root, index))) return sendText(res, 404, 'Not found\n')
        return sendFile(req, res, index, REVALIDATE)
      }
      return sendText(res, 503, NOT_BUILT)
    }
    return sendText(res, 404, 'Not found\n')
  }
}

/** Whether `file`, its symbolic links resolved, is under `root` (its own links resolved). */
async function staysInside(root: string, file: string): Promise<boolean> {
  const [realRoot, realFile] = await Promise.all([
    realpath(root).catch(() => null),
    realpath(file).catch(() => null),
  ])
  return realRoot !== null && realFile !== null && realFile.startsWith(realRoot + sep)
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  cacheControl: string,
): Promise<void> {
  const { size } = await stat(file)
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(text)
}
