import { request } from 'node:http'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { capabilityFromKey, newWriteKey } from '../src/links/capability'
import { protocolsFor } from '../src/sync/protocol'
import {
  Teardown,
  connectClient,
  startRelay,
  tempDir,
  type TestRelay,
} from '../tests/helpers/relay'
import { waitFor } from '../tests/helpers/waitFor'

const teardown = new Teardown()
afterEach(() => teardown.run())

interface Response {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request: unlike `fetch`, `http.request` sends the path as written, `..` included. */
function send(relay: TestRelay, path: string, method = 'GET'): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: relay.port, path, method }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const APP_FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Tandem</title>',
  'assets/index-Bx7f3a.js': 'console.log("app")',
  'assets/index-C9d2e1.css': 'body{}',
  'assets/inter-4f1c.woff2': 'font',
  'sw.js': 'self.addEventListener("fetch", () => {})',
  'registerSW.js': 'navigator.serviceWorker.register("/sw.js")',
  'workbox-5a7e9c.js': 'workbox',
  'manifest.webmanifest': '{"name":"Tandem"}',
  'favicon.svg': '<svg/>',
  'icons/icon-192.png': 'png',
}

describe('relay HTTP: the built app and /healthz', () => {
  let relay: TestRelay
  let dir: string

  beforeEach(async () => {
    dir = await tempDir(teardown)
    const app = join(dir, 'app')
    for (const [path, content] of Object.entries(APP_FILES)) {
      await mkdir(join(app, path, '..'), { recursive: true })
      await writeFile(join(app, path), content)
    }
    // Next to the app, where a traversal would land.
    await writeFile(join(dir, 'package.json'), 'SECRET')
    await writeFile(join(dir, 'secret.txt'), 'SECRET')
    relay = await startRelay(teardown, dir, { config: { staticDir: app } })
  })

  it.each([
    [
      '/assets/index-Bx7f3a.js',
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ],
    ['/assets/index-C9d2e1.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/inter-4f1c.woff2', 'font/woff2', 'public, max-age=31536000, immutable'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/registerSW.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/workbox-5a7e9c.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/favicon.svg', 'image/svg+xml', 'no-cache'],
    ['/icons/icon-192.png', 'image/png', 'no-cache'],
  ])('serves %s as %s, cached with "%s"', async (path, contentType, cacheControl) => {
    const response = await send(relay, path)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe(contentType)
    expect(response.headers['cache-control']).toBe(cacheControl)
    expect(response.body).toBe(APP_FILES[path.slice(1)])
  })

  it('answers / and unknown routes of the app with index.html, not cached', async () => {
    for (const path of ['/', '/reunion/atelier/3', '/assets/route-without-extension']) {
      const response = await send(relay, path)
      expect(response.status, path).toBe(200)
      expect(response.body).toBe(APP_FILES['index.html'])
      expect(response.headers['cache-control']).toBe('no-cache')
    }
  })

  it('answers 404 for a missing file', async () => {
    for (const path of ['/missing.js', '/assets/index-000000.js', '/icons/missing.png']) {
      expect((await send(relay, path)).status, path).toBe(404)
    }
  })

  it('never serves a file outside the app', async () => {
    const attempts = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/package.json',
      '/%2E%2E/secret.txt',
      '/..%2fpackage.json',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00/../secret.txt',
    ]
    for (const path of attempts) {
      const response = await send(relay, path)
      expect(response.body, path).not.toContain('SECRET')
      expect([400, 404], path).toContain(response.status)
    }
  })

  it('never follows a symbolic link out of the app', async () => {
    const app = join(dir, 'app')
    // A link to a file beside the app, and one to a whole folder outside it.
    await symlink(join(dir, 'secret.txt'), join(app, 'leak.txt'))
    await symlink(dir, join(app, 'outside'))
    // A link that stays inside is fine.
    await symlink(join(app, 'favicon.svg'), join(app, 'icon.svg'))
    for (const path of ['/leak.txt', '/outside/secret.txt', '/outside/package.json']) {
      const response = await send(relay, path)
      expect(response.body, path).not.toContain('SECRET')
      expect(response.status, path).toBe(404)
    }
    expect((await send(relay, '/icon.svg')).body).toBe('<svg/>')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await send(relay, '/sw.js', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['content-length']).toBe(String(APP_FILES['sw.js']!.length))
    expect(head.body).toBe('')
    const post = await send(relay, '/index.html', 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
  })

  it('answers a plain request on the sync path with 426', async () => {
    expect((await send(relay, '/sync/0123456789abcdef0123456789abcdef')).status).toBe(426)
  })

  it('reports rooms and connections on /healthz, without naming them', async () => {
    const empty = await send(relay, '/healthz')
    expect(empty.status).toBe(200)
    expect(empty.headers['content-type']).toBe('application/json')
    expect(JSON.parse(empty.body)).toEqual({ ok: true, rooms: 0, connections: 0 })

    const writeKey = newWriteKey()
    const { roomId } = capabilityFromKey(writeKey, 'write')
    const client = connectClient(teardown, relay.syncUrl, roomId, protocolsFor(writeKey))
    await waitFor(() => client.provider.synced, 'the client to sync')
    const busy = await send(relay, '/healthz')
    expect(JSON.parse(busy.body)).toEqual({ ok: true, rooms: 1, connections: 1 })
    expect(busy.body).not.toContain(roomId)
  })
})

describe('relay HTTP without a built app', () => {
  it('answers 503 with a French hint to build it', async () => {
    const dir = await tempDir(teardown)
    const relay = await startRelay(teardown, dir, { config: { staticDir: join(dir, 'dist') } })
    for (const path of ['/', '/reunion/3', '/sw.js']) {
      const response = await send(relay, path)
      expect(response.status, path).toBe(503)
      expect(response.body).toContain('npm run build')
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    }
    expect((await send(relay, '/healthz')).status).toBe(200)
  })
})
