import { useEffect, useRef } from 'react'

/** A row of large toggle buttons that switch the view below them (not a link: views stay local). */
export function Tabs<T extends string>({
  tabs,
  current,
  labels,
  onChange,
  label,
  steps,
  className = '',
}: {
  tabs: readonly T[]
  current: T
  labels: Record<T, string>
  onChange: (tab: T) => void
  label: string
  /** Tabs that are steps of an order, with their number (shown, not part of the name). */
  steps?: Partial<Record<T, number>>
  className?: string
}) {
  const nav = useRef<HTMLElement>(null)
  const shown = useRef(current)
  // A new view starts at its top: if the tabs were scrolled away under the top bar, bring them
  // back (their `scroll-margin-top` clears the bar) instead of opening the view in its middle.
  useEffect(() => {
    if (shown.current === current) return
    shown.current = current
    nav.current?.scrollIntoView({ block: 'nearest' })
  }, [current])
  return (
    <nav ref={nav} className={`tabs ${className}`} aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          className={`tabs__tab${tab === current ? ' tabs__tab--active' : ''}`}
          aria-pressed={tab === current}
          onClick={() => onChange(tab)}
        >
          {steps?.[tab] !== undefined && (
            <span className="tabs__step" aria-hidden="true">
              {steps[tab]}
            </span>
          )}
          {labels[tab]}
        </button>
      ))}
    </nav>
  )
}
