import { CommitteeScreen } from '../features/committee/CommitteeScreen'
import { HomeScreen } from '../features/home/HomeScreen'
import { AtelierScreen } from '../features/atelier/AtelierScreen'
import { InvalidLinkScreen } from '../features/meeting/InvalidLinkScreen'
import { MeetingGate } from '../features/meeting/MeetingGate'
import { CoordinatorScreen } from '../features/prepare/CoordinatorScreen'
import { ProjectionScreen } from '../features/projection/ProjectionScreen'
import { StorageProblemBanner } from '../ui/StorageProblemBanner'
import { UpdatePrompt } from './UpdatePrompt'
import { useRoute } from './useRoute'

export function App() {
  return (
    <>
      <UpdatePrompt />
      <StorageProblemBanner />
      <Screen />
    </>
  )
}

function Screen() {
  const route = useRoute()
  if (!route.ok) return route.reason === 'invalid' ? <InvalidLinkScreen /> : <HomeScreen />
  const link = route.link
  if (link.kind === 'committee')
    return <CommitteeScreen key={link.writeKey} writeKey={link.writeKey} />
  // Keyed by the link so that opening another meeting starts from a clean state.
  const key = `${link.kind}:${'writeKey' in link ? link.writeKey : link.readKey}`
  return (
    <MeetingGate key={key} link={link}>
      {(meeting, session) => {
        switch (link.kind) {
          case 'meeting':
            return (
              <CoordinatorScreen meeting={meeting} session={session} writeKey={link.writeKey} />
            )
          case 'atelier':
            return (
              <AtelierScreen
                meeting={meeting}
                session={session}
                atelierId={link.atelierId}
                role={link.role}
              />
            )
          case 'projection':
            return <ProjectionScreen meeting={meeting} />
        }
      }}
    </MeetingGate>
  )
}
