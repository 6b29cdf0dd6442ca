import { setVoteMode, setWeight, type VoteMode, type VoteSettings } from '../../doc/votes'
import { VOTE_COLLEGES } from '../../doc/voteCounts'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { WeightField } from '../../ui/WeightField'

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
                label={t.wall.colleges[college]}
                ariaLabel={t.plenary.weightOf(t.wall.colleges[college])}
                weight={settings.weights[college]}
                onChange={(weight) => setWeight(session.doc, college, weight)}
              />
            ))}
          </div>
        </>
      )}
    </section>
  )
}
