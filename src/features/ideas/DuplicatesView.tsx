import { useState } from 'react'
import { groupIdeas } from '../../doc/ideaGroups'
import type { Idea, IdeaBank } from '../../doc/ideaBank'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { describeSourceWithDate } from './describeSource'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

/** Clusters shown at once; more on demand (a bank of 700 ideas may hold dozens). */
const PAGE = 10

interface Props {
  session: MeetingSession
  bank: IdeaBank
  clusters: Idea[][]
}

/** Possible duplicates, cluster by cluster: tick those that say the same thing, group them. */
export function DuplicatesView({ session, bank, clusters }: Props) {
  const [shown, setShown] = useState(PAGE)
  return (
    <div className="idea-duplicates" data-testid="idea-duplicates">
      <p className="help">{t.ideas.duplicatesHelp}</p>
      {clusters.slice(0, shown).map((cluster) => (
        <DuplicateCluster
          key={cluster.map((idea) => idea.id).join(',')}
          session={session}
          bank={bank}
          cluster={cluster}
        />
      ))}
      {clusters.length > shown && (
        <Button secondary onClick={() => setShown(shown + PAGE)}>
          {t.ideas.showMore}
        </Button>
      )}
    </div>
  )
}

function DuplicateCluster({
  session,
  bank,
  cluster,
}: { session: MeetingSession } & {
  bank: IdeaBank
  cluster: Idea[]
}) {
  const [checked, setChecked] = useState(() => new Set(cluster.map((idea) => idea.id)))
  const [wording, setWording] = useState(() =>
    cluster.reduce(
      (longest, idea) => (idea.text.length > longest.length ? idea.text : longest),
      '',
    ),
  )
  const groups = new Map(
    bank.items.filter((item) => item.kind === 'group').map((item) => [item.id, item]),
  )
  const joined = [
    ...new Set(cluster.filter((idea) => checked.has(idea.id)).map((idea) => idea.groupId)),
  ].filter((id): id is string => id !== null && groups.has(id))
  const toggle = (id: string) =>
    setChecked((previous) => {
      const next = new Set(previous)
      if (!next.delete(id)) next.add(id)
      return next
    })
  return (
    <article className="idea-cluster" data-testid="idea-cluster">
      <ul className="idea-cluster__ideas">
        {cluster.map((idea) => (
          <li key={idea.id}>
            <label className="idea-cluster__idea">
              <input
                type="checkbox"
                checked={checked.has(idea.id)}
                onChange={() => toggle(idea.id)}
              />
              <span>
                <span className="idea-cluster__text">{idea.text}</span>
                <span className="muted">
                  {describeSourceWithDate(idea.source)}
                  {idea.groupId && groups.has(idea.groupId)
                    ? ` · ${t.ideas.joinsGroup(groups.get(idea.groupId)!.text)}`
                    : ''}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {joined.length === 1 ? (
        <p className="help">{t.ideas.joinsGroup(groups.get(joined[0]!)!.text)}</p>
      ) : (
        <Field label={t.ideas.groupWording}>
          <input value={wording} onChange={(event) => setWording(event.target.value)} />
        </Field>
      )}
      <Button
        disabled={checked.size < 2 || !wording.trim()}
        onClick={() => groupIdeas(session.doc, [...checked], wording)}
      >
        {t.ideas.group}
      </Button>
    </article>
  )
}
