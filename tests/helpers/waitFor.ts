/**
 * Polls `condition` until it holds, instead of sleeping a fixed time: fast when things work,
 * bounded when they do not. The error names what was awaited.
 *
 * @example
 *   await waitFor(() => doc.getText('t').toString() === 'hello', 'text to sync')
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
