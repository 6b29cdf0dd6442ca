import { lazy, Suspense, type ComponentType } from 'react'
import { InvalidLinkScreen } from '../features/meeting/InvalidLinkScreen'
import { INSTALL_FRAGMENT, keyOfLink } from '../links/links'
import { InsecurePageBanner } from '../ui/InsecurePageBanner'
import { StorageProblemBanner } from '../ui/StorageProblemBanner'
import { UpdatePrompt } from './UpdatePrompt'
import { useHash, useRoute } from '../hooks/useRoute'
import { ErrorBoundary } from '../ui/ErrorBoundary'

/**
 * Each screen is its own chunk, loaded when its route is opened: a tablet opening its atelier
 * link does not parse the coordinator's editors, the projector does not parse the atelier's.
 * Every chunk is precached by the service worker (`vite.config.ts`), so offline nothing changes
 * but the amount of JavaScript parsed at start-up (`npm run bench` measures it).
 *
 * A loader is a cached promise: the route below starts fetching its screen while the meeting
 * opens, instead of after (the gate renders the screen only once the meeting is loaded).
 */
function screen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<ComponentType<P>> | null = null
  const preload = () => (loading ??= load())
  const Component = lazy(() => preload().then((component) => ({ default: component })))
  return { Component, preload }
}

const home = screen(() => import('../features/home/HomeScreen').then((m) => m.HomeScreen))
const committee = screen(() =>
  import('../features/committee/CommitteeScreen').then((m) => m.CommitteeScreen),
)
const gate = screen(() => import('../features/meeting/MeetingGate').then((m) => m.MeetingGate))
const coordinator = screen(() =>
  import('../features/prepare/CoordinatorScreen').then((m) => m.CoordinatorScreen),
)
const atelier = screen(() =>
  import('../features/atelier/AtelierScreen').then((m) => m.AtelierScreen),
)
const install = screen(() =>
  import('../features/install/InstallScreen').then((m) => m.InstallScreen),
)
const projection = screen(() =>
  import('../features/projection/ProjectionScreen').then((m) => m.ProjectionScreen),
)

const HomeScreen = home.Component
const CommitteeScreen = committee.Component
const MeetingGate = gate.Component
const CoordinatorScreen = coordinator.Component
const AtelierScreen = atelier.Component
const ProjectionScreen = projection.Component
const InstallScreen = install.Component

const byKind = { meeting: coordinator, atelier, projection } as const

export function App() {
  const hash = useHash()
  return (
    <>
      <UpdatePrompt />
      <StorageProblemBanner />
      <InsecurePageBanner hash={hash} />
      {/* Nothing is shown while a screen's chunk loads: from the cache it takes milliseconds. */}
      <ErrorBoundary scope="screen">
        <Suspense fallback={null}>
          <Screen />
        </Suspense>
      </ErrorBoundary>
    </>
  )
}

function Screen() {
  const route = useRoute()
  const hash = useHash()
  if (hash === INSTALL_FRAGMENT) return <InstallScreen />
  if (!route.ok) return route.reason === 'invalid' ? <InvalidLinkScreen /> : <HomeScreen />
  const link = route.link
  if (link.kind === 'committee')
    return <CommitteeScreen key={link.writeKey} writeKey={link.writeKey} />
  void byKind[link.kind].preload()
  // Keyed by the link so that opening another meeting starts from a clean state.
  const key = `${link.kind}:${keyOfLink(link)}`
  return (
    <MeetingGate key={key} link={link}>
      {(session) => {
        switch (link.kind) {
          case 'meeting':
            return <CoordinatorScreen session={session} writeKey={link.writeKey} />
          case 'atelier':
            return <AtelierScreen session={session} atelierId={link.atelierId} role={link.role} />
          case 'projection':
            return <ProjectionScreen doc={session.doc} />
        }
      }}
    </MeetingGate>
  )
}
