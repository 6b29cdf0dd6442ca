/**
 * A virtual X display for the engines that need one (WebKitGTK's MiniBrowser has no headless
 * mode). Xvfb picks a free display itself (`-displayfd`), so tests never collide with another
 * X server on the machine.
 */
import { spawn } from 'node:child_process'

export interface VirtualDisplay {
  /** The `DISPLAY` value, e.g. `:3`. */
  display: string
  stop(): Promise<void>
}

export async function startXvfb(): Promise<VirtualDisplay> {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  // Never outlive the test run, even when a test times out before its teardown.
  const kill = () => xvfb.kill()
  process.once('exit', kill)
  xvfb.once('exit', () => process.off('exit', kill))
  let stderr = ''
  xvfb.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const number = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    xvfb.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.includes('\n')) resolve(stdout.trim())
    })
    xvfb.once('error', reject)
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr}`)))
  })
  return {
    display: `:${number}`,
    stop: () =>
      new Promise((resolve) => {
        if (xvfb.exitCode !== null) return resolve()
        xvfb.once('exit', () => resolve())
        xvfb.kill()
      }),
  }
}
