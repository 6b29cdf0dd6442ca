import { useState } from 'react'
import { enterIdeaCount, settleIdeaCount, withdrawIdeaCount } from '../../doc/ideas'
import type { CollegeResult, IdeaVoteEntry } from '../../doc/ideaVotes'
import { COUNT_MAX, type VoteCollege } from '../../doc/votes'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../ui/strings'
import { counterId } from '../restitution/counterId'

interface Props {
  session: MeetingSession
  itemId: string
  college: VoteCollege
  label: string
  /** Every device's count of this collège's votes for this item. */
  entries: IdeaVoteEntry[]
  result: CollegeResult
}

/**
 * This device's count of one collège's votes for one idea. What others counted shows beside
 * it; when counts differ, "écart : 12 / 14" and one tap keeps the right one.
 */
export function IdeaCountField({ session, itemId, college, label, entries, result }: Props) {
  const me = counterId()
  const mine = entries.find((entry) => entry.counterId === me)
  const others = entries.filter((entry) => entry.counterId !== me).map((entry) => entry.count)
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const value = draft.trim()
    if (value === '') withdrawIdeaCount(session.doc, itemId, college, me)
    else if (/^\d+$/.test(value) && Number(value) <= COUNT_MAX)
      enterIdeaCount(session.doc, itemId, college, me, Number(value))
    setDraft(null)
  }
  return (
    <div className={`count-field${result.agreed ? '' : ' count-field--gap'}`}>
      <label className="count-field__label">
        <span>{t.ideas.votes}</span>
        <input
          aria-label={label}
          type="number"
          inputMode="numeric"
          min={0}
          max={COUNT_MAX}
          step={1}
          value={draft ?? (mine ? String(mine.count) : '')}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit()
          }}
          data-testid="idea-count"
        />
      </label>
      {others.length > 0 && result.agreed && (
        <p className="count-field__others">{t.ideas.agreed}</p>
      )}
      {others.length > 0 && !result.agreed && (
        <p className="count-field__others">{t.ideas.othersCounted(others.join(', '))}</p>
      )}
      {!result.agreed && (
        <div className="count-field__gap">
          <strong>{t.ideas.gap(result.values)}</strong>
          {result.values.map((value) => (
            <button
              key={value}
              type="button"
              className="button button--secondary"
              onClick={() => settleIdeaCount(session.doc, itemId, college, value)}
            >
              {t.ideas.keep(value)}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
