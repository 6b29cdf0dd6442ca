import { useState } from 'react'
import type * as Y from 'yjs'
import { loadProjectionContrast, saveProjectionContrast } from '../../device/projectionContrast'
import { useMeetingPart } from '../../hooks/useMeetingPart'
import { OpeningSlide } from './OpeningSlide'
import { ProjectorControls } from './ProjectorControls'
import { RankingScreen } from './RankingScreen'
import { RestitutionWall } from './RestitutionWall'
import { ErrorBoundary } from '../../ui/ErrorBoundary'
import './projection.css'

interface Props {
  /** The meeting's document; each screen below reads only the parts it shows. */
  doc: Y.Doc
  /** A small copy on the coordinator's screen ("ce que voit la salle"), not the projector. */
  preview?: boolean
}

/**
 * The projector (read-only link). It follows the plenary as the coordinator drives it: the
 * opening screens, the restitution wall (with its spotlight), the ranking. Everything is sized
 * from the projection's own box (container units), so the preview looks exactly the same.
 */
export function ProjectionScreen({ doc, preview = false }: Props) {
  const { screen, spotlight } = useMeetingPart(doc, (meeting) => meeting.plenary)
  const [highContrast, setHighContrast] = useState(() => !preview && loadProjectionContrast())
  const toggleContrast = () => {
    saveProjectionContrast(!highContrast)
    setHighContrast(!highContrast)
  }
  return (
    <div
      className={`projection ${preview ? 'projection--preview' : 'projection--live'}${highContrast ? ' projection--contrast' : ''}`}
      data-testid={preview ? 'projection-preview' : 'projection'}
      data-screen={screen}
    >
      <ErrorBoundary scope="card" resetKey={screen}>
        {screen === 'wall' ? (
          <RestitutionWall doc={doc} spotlight={spotlight} />
        ) : screen === 'ranking' ? (
          <RankingScreen doc={doc} />
        ) : (
          <OpeningSlide doc={doc} screen={screen} />
        )}
      </ErrorBoundary>
      {!preview && (
        <ProjectorControls highContrast={highContrast} onToggleContrast={toggleContrast} />
      )}
    </div>
  )
}
