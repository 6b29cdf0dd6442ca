import { afterEach, describe, expect, it, vi } from 'vitest'
import { requestPersistentStorage, type PersistenceState } from './storagePersistence'
import { waitFor } from '../../tests/helpers/waitFor'

/** A `navigator.storage` whose `persist()` answers only when the test says (Firefox's prompt). */
function storageWithPrompt(persisted: boolean) {
  let answer: (granted: boolean) => void = () => undefined
  vi.stubGlobal('navigator', {
    storage: {
      persisted: () => Promise.resolve(persisted),
      persist: () => new Promise<boolean>((resolve) => (answer = resolve)),
    },
  })
  return { answer: (granted: boolean) => answer(granted) }
}

function follow(): { states: PersistenceState[]; stop: () => void } {
  const states: PersistenceState[] = []
  const stop = requestPersistentStorage((state) => states.push(state))
  return { states, stop }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('requestPersistentStorage', () => {
  it('reports best-effort while the browser’s prompt is unanswered, then the answer', async () => {
    const prompt = storageWithPrompt(false)
    const { states } = follow()
    await waitFor(() => states.length === 1, 'the state known now')
    expect(states).toEqual(['best-effort'])
    prompt.answer(true)
    await waitFor(() => states.length === 2, 'the answer')
    expect(states).toEqual(['best-effort', 'persisted'])
  })

  it('asks nothing when the data is already protected', async () => {
    storageWithPrompt(true)
    const { states } = follow()
    await waitFor(() => states.length === 1, 'the state known now')
    expect(states).toEqual(['persisted'])
  })

  it('says unsupported where the engine has no storage manager (WebKitGTK)', async () => {
    vi.stubGlobal('navigator', {})
    const { states } = follow()
    await waitFor(() => states.length === 1, 'the state')
    expect(states).toEqual(['unsupported'])
  })

  it('reports nothing after it was stopped', async () => {
    const prompt = storageWithPrompt(false)
    const { states, stop } = follow()
    await waitFor(() => states.length === 1, 'the state known now')
    stop()
    prompt.answer(true)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(states).toEqual(['best-effort'])
  })
})
