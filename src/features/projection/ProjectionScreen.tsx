import type { Meeting } from '../../doc/meetingDoc'
import { t } from '../../ui/strings'

/** The projector: every atelier's proposals, grouped, large enough to read from the back. */
export function ProjectionScreen({ meeting }: { meeting: Meeting }) {
  return (
    <div className="wall">
      <h1 className="wall__title">
        {t.projection.title} — {meeting.title}
      </h1>
      {!meeting.proposals.some((p) => p.deletedAt === null) && (
        <p className="wall__empty">{t.projection.empty}</p>
      )}
      <div className="wall__columns">
        {meeting.ateliers.map((atelier) => {
          // Validated proposals first: those are what the group carries to the plenary.
          const proposals = meeting.proposals
            .filter((p) => p.atelierId === atelier.id && p.deletedAt === null)
            .sort((a, b) => Number(b.validated) - Number(a.validated))
          return (
            <section key={atelier.id} className="wall__atelier" data-testid="wall-atelier">
              <h2>{atelier.name}</h2>
              <ol>
                {proposals.map((proposal) => (
                  <li key={proposal.id} className={proposal.validated ? 'wall__validated' : ''}>
                    {proposal.text}
                  </li>
                ))}
              </ol>
            </section>
          )
        })}
      </div>
    </div>
  )
}
