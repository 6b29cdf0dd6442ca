import { useState } from 'react'
import {
  setVoteMode,
  setWeight,
  VOTE_COLLEGES,
  WEIGHT_MAX,
  type VoteCollege,
  type VoteMode,
  type VoteSettings,
} from '../../doc/votes'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../ui/strings'

const MODES: VoteMode[] = ['overall', 'colleges']

interface Props {
  session: MeetingSession
  settings: VoteSettings
}

/** How hands are counted: the whole room at once, or collège by collège with their weights. */
export function VoteSettingsForm({ session, settings }: Props) {
  return (
    <section className="card vote-settings">
      <h2>{t.plenary.voteMode}</h2>
      <div className="plenary-choices" role="group" aria-label={t.plenary.voteMode}>
        {MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            className={`tabs__tab${mode === settings.mode ? ' tabs__tab--active' : ''}`}
            aria-pressed={mode === settings.mode}
            onClick={() => setVoteMode(session.doc, mode)}
          >
            {t.plenary.modes[mode]}
          </button>
        ))}
      </div>
      {settings.mode === 'colleges' && (
        <>
          <h3>{t.plenary.weights}</h3>
          <p className="help">{t.plenary.weightsHelp}</p>
          <div className="vote-settings__weights">
            {VOTE_COLLEGES.map((college) => (
              <WeightField
                key={college}
                session={session}
                college={college}
                weight={settings.weights[college]}
              />
            ))}
          </div>
        </>
      )}
    </section>
  )
}

function WeightField(props: { session: MeetingSession; college: VoteCollege; weight: number }) {
  const { session, college, weight } = props
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const value = Number(draft.replace(',', '.'))
    if (draft.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= WEIGHT_MAX)
      setWeight(session.doc, college, value)
    setDraft(null)
  }
  return (
    <label className="count-field__label">
      <span>{t.wall.colleges[college]}</span>
      <input
        type="number"
        inputMode="decimal"
        min={0}
        max={WEIGHT_MAX}
        step={0.5}
        aria-label={t.plenary.weightOf(t.wall.colleges[college])}
        value={draft ?? String(weight)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
        }}
      />
    </label>
  )
}
