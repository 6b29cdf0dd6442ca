/**
 * React in a test file that runs under happy-dom (`// @vitest-environment happy-dom`): mount an
 * element, or call a hook inside a probe component, through React's `act`, so effects and state
 * updates have run when each call returns. `cleanup` unmounts everything: call it in `afterEach`.
 *
 * @example
 *   const hook = renderHook((key: string) => useDraft(key), 'proposal:1')
 *   act(() => hook.current[1]('Un banc'))
 *   expect(hook.current[0]).toBe('Un banc')
 */
import { act, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const mounted = new Set<{ root: Root; container: HTMLElement }>()

export interface Mounted {
  container: HTMLElement
  rerender(element: ReactElement): void
  unmount(): void
}

export function mount(element: ReactElement): Mounted {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const entry = { root, container }
  mounted.add(entry)
  act(() => root.render(element))
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount())
      container.remove()
      mounted.delete(entry)
    },
  }
}

export interface RenderedHook<Props, Result> {
  /** What the hook returned at the last render. */
  readonly current: Result
  /** How many times the probe rendered: a hook that re-renders for nothing shows it here. */
  readonly renders: number
  rerender(props: Props): void
  unmount(): void
}

export function renderHook<Props, Result>(
  hook: (props: Props) => Result,
  props: NoInfer<Props>,
): RenderedHook<Props, Result> {
  const results: Result[] = []
  function Probe({ props: current }: { props: Props }) {
    results.push(hook(current))
    return null
  }
  const view = mount(<Probe props={props} />)
  return {
    get current() {
      return results.at(-1) as Result
    },
    get renders() {
      return results.length
    },
    rerender: (next) => view.rerender(<Probe props={next} />),
    unmount: view.unmount,
  }
}

export function cleanup(): void {
  for (const { root, container } of mounted) {
    act(() => root.unmount())
    container.remove()
  }
  mounted.clear()
}
