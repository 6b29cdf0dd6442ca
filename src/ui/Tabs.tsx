/** A row of large toggle buttons that switch the view below them (not a link: views stay local). */
export function Tabs<T extends string>({
  tabs,
  current,
  labels,
  onChange,
  label,
  className = '',
}: {
  tabs: readonly T[]
  current: T
  labels: Record<T, string>
  onChange: (tab: T) => void
  label: string
  className?: string
}) {
  return (
    <nav className={`tabs ${className}`} aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          className={`tabs__tab${tab === current ? ' tabs__tab--active' : ''}`}
          aria-pressed={tab === current}
          onClick={() => onChange(tab)}
        >
          {labels[tab]}
        </button>
      ))}
    </nav>
  )
}
