import type { Proceedings } from '../../proceedings/buildProceedings'
import {
  atelierHeading,
  attendanceLines,
  pointsLine,
  rankingMethodLines,
  rankPrefix,
  subtitle,
  votesLine,
} from '../../proceedings/proceedingsText'
import { t } from '../../text/strings'

/** The actes as a page: read on screen, printed (or saved as PDF) with the print stylesheet. */
export function ProceedingsView({ proceedings: p }: { proceedings: Proceedings }) {
  return (
    <article className="actes" data-testid="proceedings">
      <h1>{t.proceedings.heading(p.title)}</h1>
      <p className="actes__subtitle">{subtitle(p)}</p>
      {p.intro && <p className="actes__text">{p.intro}</p>}
      <h2>{t.proceedings.attendance}</h2>
      <p>{t.atelier.total(p.attendance.people)}</p>
      <ul>
        {attendanceLines(p.attendance.total).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {p.ateliers.map((atelier) => (
        <section key={atelier.name} className="actes__atelier">
          <h2>{atelierHeading(atelier)}</h2>
          {atelier.steps.map((step) =>
            step.questions.map((question) => (
              <div key={`${step.title}|${question.text}`}>
                <h3>{question.text}</h3>
                <p className={question.notes ? 'actes__text' : 'muted'}>
                  {question.notes || t.proceedings.noNotes}
                </p>
              </div>
            )),
          )}
          <h3>{t.proceedings.proposals}</h3>
          {atelier.proposals.length === 0 ? (
            <p className="muted">{t.proceedings.noProposals}</p>
          ) : (
            <ul>
              {atelier.proposals.map((proposal) => (
                <li key={proposal.text}>
                  {proposal.text}
                  {proposal.validated && <strong> ({t.proceedings.validated})</strong>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {p.restitution.length > 0 && (
        <section className="actes__atelier">
          <h2>{t.proceedings.restitution}</h2>
          {p.rankingMethod && (
            <div className="actes__item" data-testid="ranking-method">
              <h3>{t.proceedings.method}</h3>
              {rankingMethodLines(p.rankingMethod).map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          )}
          {p.restitution.map((item) => (
            <div key={item.text} className="actes__item">
              <h3>
                {rankPrefix(item)}
                {item.text}
                {item.retained && ` — ${t.proceedings.retained}`}
              </h3>
              <ul>
                {item.origins.map((origin) => (
                  <li key={origin}>{origin}</li>
                ))}
              </ul>
              {item.votes.length > 0 && (
                <p>
                  {t.proceedings.votes} : {votesLine(item.votes)}
                </p>
              )}
              {item.score !== null && <p data-testid="item-points">{pointsLine(item)}</p>}
              {item.debateNotes && <p className="actes__text">{item.debateNotes}</p>}
            </div>
          ))}
        </section>
      )}
      {p.conclusion && (
        <>
          <h2>{t.proceedings.conclusion}</h2>
          <p className="actes__text">{p.conclusion}</p>
        </>
      )}
    </article>
  )
}
