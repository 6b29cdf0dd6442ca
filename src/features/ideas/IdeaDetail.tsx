import { useEffect, useRef, useState } from 'react'
import { binIdeas, editIdea } from '../../doc/ideaCollect'
import { classify } from '../../doc/ideaAxes'
import { IDEA_MAX, type IdeaBank, type IdeaItem } from '../../doc/ideaBank'
import { leaveIdeaGroup, rewordIdeaGroup, ungroupIdeas } from '../../doc/ideaGroups'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { describeSourceWithDate } from './describeSource'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

interface Props {
  session: MeetingSession
  bank: IdeaBank
  item: IdeaItem
  onClose: () => void
}

/**
 * One idea or group, in a dialog over the list: its full text (editable), its axis in one tap,
 * where it came from, and for a group each of its ideas with their own text and source.
 */
export function IdeaDetail({ session, bank, item, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [draft, setDraft] = useState(item.text)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])
  const save = () => {
    const text = draft.trim()
    if (!text || text === item.text) return
    if (item.kind === 'group') rewordIdeaGroup(session.doc, item.id, text)
    else editIdea(session.doc, item.id, text)
  }
  const file = (axisId: string | null) => classify(session.doc, [item.id], axisId)
  return (
    <dialog
      ref={dialog}
      className="idea-detail"
      aria-labelledby="idea-detail-title"
      onClose={onClose}
      data-testid="idea-detail"
    >
      <h3 id="idea-detail-title">
        {item.kind === 'group' ? t.ideas.groupOf(item.ideas.length) : t.ideas.detailTitle}
      </h3>
      <Field label={item.kind === 'group' ? t.ideas.wording : t.ideas.text}>
        <textarea
          rows={3}
          value={draft}
          maxLength={IDEA_MAX}
          onChange={(event) => setDraft(event.target.value)}
        />
      </Field>
      <div className="inline-actions">
        <Button disabled={!draft.trim() || draft.trim() === item.text} onClick={save}>
          {t.ideas.save}
        </Button>
      </div>
      <h4>{t.ideas.axis}</h4>
      <div className="idea-detail__axes" role="group" aria-label={t.ideas.axis}>
        {bank.axes.map((axis, index) => (
          <button
            key={axis.id}
            type="button"
            className={`chip${item.axisId === axis.id ? ' chip--active' : ''}`}
            aria-pressed={item.axisId === axis.id}
            onClick={() => file(axis.id)}
          >
            {index + 1}. {axis.name}
          </button>
        ))}
        <button
          type="button"
          className={`chip${item.axisId === null ? ' chip--active' : ''}`}
          aria-pressed={item.axisId === null}
          onClick={() => file(null)}
        >
          {t.ideas.unsorted}
        </button>
      </div>
      <h4>{item.kind === 'group' ? t.ideas.origins : t.ideas.origin}</h4>
      <ul className="idea-detail__origins">
        {item.ideas.map((idea) => (
          <li key={idea.id}>
            {item.kind === 'group' && <span className="idea-detail__origin-text">{idea.text}</span>}
            <span className="muted">{describeSourceWithDate(idea.source)}</span>
            {item.kind === 'group' && (
              <Button secondary onClick={() => leaveIdeaGroup(session.doc, idea.id)}>
                {t.ideas.leaveGroup}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="inline-actions idea-detail__footer">
        {item.kind === 'group' ? (
          <Button
            secondary
            onClick={() => {
              ungroupIdeas(session.doc, item.id)
              dialog.current?.close()
            }}
          >
            {t.ideas.ungroup}
          </Button>
        ) : (
          <Button
            secondary
            danger
            onClick={() => {
              binIdeas(session.doc, [item.id])
              dialog.current?.close()
            }}
          >
            {t.ideas.toBin}
          </Button>
        )}
        <Button onClick={() => dialog.current?.close()}>{t.ideas.closeDetail}</Button>
      </div>
    </dialog>
  )
}
