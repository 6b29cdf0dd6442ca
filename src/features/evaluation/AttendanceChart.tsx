import { COLLEGES, type College } from '../../doc/attendance'
import { formatMonth } from '../../text/formatDate'
import { t } from '../../text/strings'
import type { MeetingStats } from './meetingStats'

/** Each collège's colour, a token of src/ui/tokens.css. */
const COLOUR: Record<College, string> = {
  usagerNew: 'var(--college-usager-new)',
  usagerReturning: 'var(--college-usager-returning)',
  agent: 'var(--college-agent)',
  partner: 'var(--college-partner)',
  elected: 'var(--college-elected)',
  other: 'var(--college-other)',
}

const BAR = 56
const GAP = 28
const HEIGHT = 220

/** Stacked bars: people present per collège at each meeting. Plain SVG, prints as it shows. */
export function AttendanceChart({ rows }: { rows: MeetingStats[] }) {
  const max = Math.max(1, ...rows.map((row) => row.present))
  const width = rows.length * (BAR + GAP) + GAP
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT + 60}`}
        // Its own width, shrunk to fit: a stretched narrow viewBox drew one meeting 2,000 px tall.
        width={width}
        className="chart__svg"
        role="img"
        aria-label={t.evaluation.chartLabel}
        data-testid="attendance-chart"
      >
        {rows.map((row, index) => {
          let y = HEIGHT
          const x = GAP + index * (BAR + GAP)
          return (
            <g key={row.meetingId}>
              {COLLEGES.map((college) => {
                const height = (row.attendance[college] / max) * (HEIGHT - 20)
                y -= height
                return height > 0 ? (
                  <rect
                    key={college}
                    x={x}
                    y={y}
                    width={BAR}
                    height={height}
                    style={{ fill: COLOUR[college] }}
                  >
                    <title>
                      {t.labelled(t.atelier.colleges[college], row.attendance[college])}
                    </title>
                  </rect>
                ) : null
              })}
              <text x={x + BAR / 2} y={y - 6} textAnchor="middle" fontSize="16" fontWeight="700">
                {row.present}
              </text>
              <text x={x + BAR / 2} y={HEIGHT + 22} textAnchor="middle" fontSize="13">
                {formatMonth(row.date)}
              </text>
            </g>
          )
        })}
        <line x1={GAP / 2} x2={width - GAP / 2} y1={HEIGHT} y2={HEIGHT} className="chart__axis" />
      </svg>
      <figcaption className="chart__legend">
        {COLLEGES.map((college) => (
          <span key={college}>
            <span
              className="chart__swatch"
              style={{ background: COLOUR[college] }}
              aria-hidden="true"
            />
            {t.atelier.colleges[college]}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
