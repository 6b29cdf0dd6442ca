import { useState } from 'react'
import { answerCriterion, NOTE_MAX, setSieveNote, SIEVE_ANSWERS } from '../../doc/ideaSieve'
import type { Criterion } from '../../doc/ideaAxes'
import type { IdeaBank, IdeaItem } from '../../doc/ideaBank'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { Pager } from './Pager'
import { usePage } from './usePage'
import { Field } from '../../ui/Field'

const FILTERS = ['pending', 'pass', 'fail', 'all'] as const
type Filter = (typeof FILTERS)[number]
/** Ideas per page: each takes a screen's worth of buttons on a tablet. */
const PAGE_SIZE = 8

interface Props {
  session: MeetingSession
  bank: IdeaBank
}

/**
 * The sieve, idea by idea: for each criterion "oui", "non" or "à voir" and a short reason.
 * An idea answered here stays on screen until the filter changes, so it does not vanish
 * between two answers.
 */
export function SievePanel({ session, bank }: Props) {
  const [filter, setFilter] = useState<Filter>('pending')
  const [axisId, setAxisId] = useState('')
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const inAxis = bank.items.filter((item) => !axisId || item.axisId === axisId)
  const countOf = (candidate: Filter) =>
    candidate === 'all' ? inAxis.length : inAxis.filter((item) => item.sieve === candidate).length
  const shown = inAxis.filter(
    (item) => filter === 'all' || item.sieve === filter || touched.has(item.id),
  )
  const page = usePage(shown.length, PAGE_SIZE, `${filter}|${axisId}`)
  const choose = (next: Filter) => {
    setFilter(next)
    setTouched(new Set())
  }
  const touch = (id: string) => setTouched((previous) => new Set(previous).add(id))
  const axisNumber = new Map(bank.axes.map((axis, index) => [axis.id, index + 1]))
  return (
    <div className="idea-sieve">
      <p className="help">{t.ideas.sieveHelp}</p>
      {bank.criteria.length === 0 && <p className="notice-inline">{t.ideas.noCriteria}</p>}
      <div className="idea-toolbar">
        <Field label={t.ideas.axisFilter}>
          <select
            value={axisId}
            onChange={(event) => {
              setAxisId(event.target.value)
              setTouched(new Set())
            }}
          >
            <option value="">{t.ideas.allAxes}</option>
            {bank.axes.map((axis, index) => (
              <option key={axis.id} value={axis.id}>
                {index + 1}. {axis.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="chips" role="group" aria-label={t.ideas.sieveFilter}>
        {FILTERS.map((candidate) => (
          <button
            key={candidate}
            type="button"
            className={`chip${candidate === filter ? ' chip--active' : ''}`}
            aria-pressed={candidate === filter}
            onClick={() => choose(candidate)}
            data-testid={`sieve-filter-${candidate}`}
          >
            {t.ideas.sieveFilters[candidate](countOf(candidate))}
          </button>
        ))}
      </div>
      {shown.length === 0 && <p className="help">{t.ideas.noMatch}</p>}
      <ol className="idea-sieve__list">
        {shown.slice(page.start, page.end).map((item) => (
          <SieveItem
            key={item.id}
            session={session}
            item={item}
            criteria={bank.criteria}
            axisLabel={
              item.axisId
                ? `${t.ideas.axisShort(axisNumber.get(item.axisId)!)} · ${bank.axes.find((axis) => axis.id === item.axisId)!.name}`
                : t.ideas.unsorted
            }
            onTouch={touch}
          />
        ))}
      </ol>
      <Pager page={page} />
    </div>
  )
}

function SieveItem(props: {
  session: MeetingSession
  item: IdeaItem
  criteria: Criterion[]
  axisLabel: string
  onTouch: (id: string) => void
}) {
  const { session, item, criteria, axisLabel, onTouch } = props
  return (
    <li className={`idea-sieve__item idea-sieve__item--${item.sieve}`} data-testid="sieve-item">
      <div className="idea-sieve__head">
        <p className="idea-sieve__text">{item.text}</p>
        <span className={`tag idea-status idea-status--${item.sieve}`} data-testid="sieve-status">
          {t.ideas.status[item.sieve]}
        </span>
      </div>
      <p className="muted idea-sieve__axis">
        {axisLabel}
        {item.kind === 'group' ? ` · ${t.ideas.groupOf(item.ideas.length)}` : ''}
      </p>
      {criteria.map((criterion) => (
        <div key={criterion.id} className="idea-criterion" data-criterion={criterion.name}>
          <div className="idea-criterion__name">
            <strong>{criterion.name}</strong>
            {criterion.question && <span className="muted">{criterion.question}</span>}
          </div>
          <div className="idea-criterion__answers" role="group" aria-label={criterion.name}>
            {SIEVE_ANSWERS.map((answer) => {
              const on = item.answers[criterion.id] === answer
              return (
                <button
                  key={answer}
                  type="button"
                  className={`idea-answer idea-answer--${answer}${on ? ' idea-answer--on' : ''}`}
                  aria-pressed={on}
                  onClick={() => {
                    onTouch(item.id)
                    answerCriterion(session.doc, item.id, criterion.id, on ? null : answer)
                  }}
                >
                  {t.ideas.answers[answer]}
                </button>
              )
            })}
          </div>
          <NoteField
            value={item.notes[criterion.id] ?? ''}
            label={`${t.ideas.note} — ${criterion.name}`}
            onCommit={(note) => {
              onTouch(item.id)
              setSieveNote(session.doc, item.id, criterion.id, note)
            }}
          />
        </div>
      ))}
    </li>
  )
}

function NoteField(props: { value: string; label: string; onCommit: (value: string) => void }) {
  const { value, label, onCommit } = props
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft !== null && draft.trim() !== value) onCommit(draft)
    setDraft(null)
  }
  return (
    <input
      className="idea-criterion__note"
      aria-label={label}
      placeholder={t.ideas.notePlaceholder}
      value={draft ?? value}
      maxLength={NOTE_MAX}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
      }}
    />
  )
}
