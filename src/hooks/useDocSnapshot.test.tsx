// @vitest-environment happy-dom
import { act, useLayoutEffect } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { useDocSnapshot } from './useDocSnapshot'

const readTitle = (doc: Y.Doc): string | null =>
  (doc.getMap('meeting').get('title') as string | undefined) ?? null

/** Shows what the hook returns; `beforeSubscribe` runs after the render, before React subscribes. */
function Title({ doc, beforeSubscribe }: { doc: Y.Doc; beforeSubscribe?: () => void }) {
  const title = useDocSnapshot(doc, readTitle)
  // Layout effects run in the commit, before the passive effect in which useSyncExternalStore
  // subscribes: the window in which a slow engine let the relay's first update land.
  useLayoutEffect(() => {
    beforeSubscribe?.()
  }, [beforeSubscribe])
  return <p>{title ?? 'waiting'}</p>
}

let root: Root | null = null
let container: HTMLElement

beforeAll(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
})

afterEach(() => {
  act(() => root?.unmount())
  root = null
  container?.remove()
})

function mount(element: React.ReactElement) {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  act(() => root!.render(element))
}

describe('useDocSnapshot', () => {
  it('shows an update that lands between the first render and the subscription', () => {
    const doc = new Y.Doc()
    const relayUpdate = () => doc.getMap('meeting').set('title', 'Comité de mars')
    mount(<Title doc={doc} beforeSubscribe={relayUpdate} />)
    expect(container.textContent).toBe('Comité de mars')
  })

  it('follows later updates and re-reads nothing while the document is unchanged', () => {
    const doc = new Y.Doc()
    let reads = 0
    const counting = (d: Y.Doc) => {
      reads += 1
      return readTitle(d)
    }
    function Counted() {
      return <p>{useDocSnapshot(doc, counting) ?? 'waiting'}</p>
    }
    mount(<Counted />)
    expect(container.textContent).toBe('waiting')
    const readsAfterMount = reads
    act(() => root!.render(<Counted />))
    expect(reads).toBe(readsAfterMount)
    act(() => doc.getMap('meeting').set('title', 'Comité de mai'))
    expect(container.textContent).toBe('Comité de mai')
  })

  it('reads a document opened with content already in it', () => {
    const doc = new Y.Doc()
    doc.getMap('meeting').set('title', 'Comité de juin')
    mount(<Title doc={doc} />)
    expect(container.textContent).toBe('Comité de juin')
  })
})
