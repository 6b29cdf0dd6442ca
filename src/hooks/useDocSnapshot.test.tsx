// @vitest-environment happy-dom
import { act, useLayoutEffect } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { cleanup, mount } from '../../tests/helpers/render'
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

afterEach(cleanup)

describe('useDocSnapshot', () => {
  it('shows an update that lands between the first render and the subscription', () => {
    const doc = new Y.Doc()
    const relayUpdate = () => doc.getMap('meeting').set('title', 'Comité de mars')
    const { container } = mount(<Title doc={doc} beforeSubscribe={relayUpdate} />)
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
    const { container, rerender } = mount(<Counted />)
    expect(container.textContent).toBe('waiting')
    const readsAfterMount = reads
    rerender(<Counted />)
    expect(reads).toBe(readsAfterMount)
    act(() => doc.getMap('meeting').set('title', 'Comité de mai'))
    expect(container.textContent).toBe('Comité de mai')
  })

  it('reads a document opened with content already in it', () => {
    const doc = new Y.Doc()
    doc.getMap('meeting').set('title', 'Comité de juin')
    const { container } = mount(<Title doc={doc} />)
    expect(container.textContent).toBe('Comité de juin')
  })
})
