import { useState } from 'react'
import { restoreIdea } from '../../doc/ideaCollect'
import type { IdeaBank } from '../../doc/ideaBank'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { describeSourceWithDate } from './describeSource'
import { Button } from '../../ui/Button'

const PAGE = 20

/** Ideas put in the bin, restorable with their axis, group and answers. */
export function IdeaBin({ session, bank }: { session: MeetingSession; bank: IdeaBank }) {
  const [shown, setShown] = useState(PAGE)
  if (bank.binned.length === 0) return null
  return (
    <details className="bin">
      <summary>{t.ideas.bin(bank.binned.length)}</summary>
      {bank.binned.slice(0, shown).map((idea) => (
        <div key={idea.id} className="bin__item">
          <span>
            {idea.text} <span className="muted">· {describeSourceWithDate(idea.source)}</span>
          </span>
          <Button secondary onClick={() => restoreIdea(session.doc, idea.id)}>
            {t.ideas.restore}
          </Button>
        </div>
      ))}
      {bank.binned.length > shown && (
        <Button secondary onClick={() => setShown(shown + PAGE)}>
          {t.ideas.showMore}
        </Button>
      )}
    </details>
  )
}
