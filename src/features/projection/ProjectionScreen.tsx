import type { Meeting } from '../../doc/meetingDoc'
import { FullscreenButton } from './FullscreenButton'
import { OpeningSlide } from './OpeningSlide'
import { RankingScreen } from './RankingScreen'
import { RestitutionWall } from './RestitutionWall'

interface Props {
  meeting: Meeting
  /** A small copy on the coordinator's screen ("ce que voit la salle"), not the projector. */
  preview?: boolean
}

/**
 * The projector (read-only link). It follows the plenary as the coordinator drives it: the
 * opening screens, the restitution wall (with its spotlight), the ranking. Everything is sized
 * from the projection's own box (container units), so the preview looks exactly the same.
 */
export function ProjectionScreen({ meeting, preview = false }: Props) {
  const { screen } = meeting.plenary
  return (
    <div
      className={`projection ${preview ? 'projection--preview' : 'projection--live'}`}
      data-testid={preview ? 'projection-preview' : 'projection'}
      data-screen={screen}
    >
      {screen === 'wall' ? (
        <RestitutionWall meeting={meeting} />
      ) : screen === 'ranking' ? (
        <RankingScreen meeting={meeting} />
      ) : (
        <OpeningSlide meeting={meeting} screen={screen} />
      )}
      {!preview && <FullscreenButton />}
    </div>
  )
}
