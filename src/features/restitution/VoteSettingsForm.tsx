import { setVoteMode, setWeight, type VoteMode, type VoteSettings } from '../../doc/votes'
import { VOTE_COLLEGES } from '../../doc/voteCounts'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { ChoiceGroup } from '../../ui/ChoiceGroup'
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
      <ChoiceGroup
        legend={t.plenary.voteMode}
        choices={MODES}
        labels={t.plenary.modes}
        value={settings.mode}
        onChange={(mode) => setVoteMode(session.doc, mode)}
      />
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
