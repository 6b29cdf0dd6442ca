import { useDeferredValue, useMemo, useState } from 'react'
import { binIdeas } from '../../doc/ideaCollect'
import { classify } from '../../doc/ideaAxes'
import { groupIdeas } from '../../doc/ideaGroups'
import type { IdeaBank } from '../../doc/ideaBank'
import { duplicateClusters, matchesQuery, normalise } from '../../doc/ideaSimilarity'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { DuplicatesView } from './DuplicatesView'
import { IdeaBin } from './IdeaBin'
import { IdeaDetail } from './IdeaDetail'
import { IdeaRow } from './IdeaRow'
import { VirtualList } from './VirtualList'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'

/** Height of one row of the list (px), its gap included: see `.idea-row` in ideas.css. */
export const IDEA_ROW_HEIGHT = 104
const UNSORTED = '__unsorted'

interface Props {
  session: MeetingSession
  bank: IdeaBank
}

/**
 * Sorting the bank: search and filter, file ideas into axes with one tap each (after choosing
 * the axis once) or in bulk, group duplicates, open an idea to read or edit it.
 */
export function IdeaSorter({ session, bank }: Props) {
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const [axisFilter, setAxisFilter] = useState('')
  const [targetId, setTargetId] = useState('')
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [openId, setOpenId] = useState<string | null>(null)
  const [duplicatesOpen, setDuplicatesOpen] = useState(false)
  const [wording, setWording] = useState<string | null>(null)

  const numbers = useMemo(
    () => new Map(bank.axes.map((axis, index) => [axis.id, { axis, number: index + 1 }])),
    [bank.axes],
  )
  // Search keys are computed once per change of the bank, not per keystroke.
  const keys = useMemo(
    () =>
      new Map(
        bank.items.map((item) => [
          item.id,
          normalise(
            [item.text, ...item.ideas.map((idea) => `${idea.text} ${idea.source.label}`)].join(' '),
          ),
        ]),
      ),
    [bank.items],
  )
  // Duplicates depend on texts and groups only: filing an idea must not recompute them.
  const textsAndGroups = bank.ideas
    .map((idea) => `${idea.id}\u0000${idea.text}\u0000${idea.groupId ?? ''}`)
    .join('\u0001')
  const clusters = useMemo(
    () =>
      duplicateClusters(
        bank.ideas,
        undefined,
        (a, b) => a.groupId !== null && a.groupId === b.groupId,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when texts or groups change
    [textsAndGroups],
  )
  const counts = useMemo(() => {
    const byAxis = new Map<string, number>()
    for (const item of bank.items) {
      const key = item.axisId ?? UNSORTED
      byAxis.set(key, (byAxis.get(key) ?? 0) + 1)
    }
    return byAxis
  }, [bank.items])

  const shown = useMemo(
    () =>
      bank.items.filter(
        (item) =>
          (!axisFilter || (item.axisId ?? UNSORTED) === axisFilter) &&
          (!deferredQuery.trim() || matchesQuery(keys.get(item.id)!, deferredQuery)),
      ),
    [bank.items, axisFilter, deferredQuery, keys],
  )
  const target = numbers.get(targetId) ?? null
  const live = new Set(bank.items.map((item) => item.id))
  const selection = [...selected].filter((id) => live.has(id))
  const openItem = openId === null ? undefined : bank.items.find((item) => item.id === openId)
  // The item opened is gone (binned, or its group undone here or elsewhere): forget it, so it
  // does not pop open again if it comes back.
  if (openId !== null && !openItem) setOpenId(null)

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const ideasOfSelection = () =>
    bank.items
      .filter((item) => selected.has(item.id))
      .flatMap((item) => item.ideas.map((idea) => idea.id))

  return (
    <div className="idea-sorter">
      <div className="idea-toolbar">
        <Field label={t.ideas.search}>
          <input
            type="search"
            value={query}
            placeholder={t.ideas.searchPlaceholder}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="idea-search"
          />
        </Field>
        <Field label={t.ideas.axisFilter}>
          <select
            value={axisFilter}
            onChange={(event) => setAxisFilter(event.target.value)}
            data-testid="idea-axis-filter"
          >
            <option value="">{t.ideas.allAxes}</option>
            <option value={UNSORTED}>{t.ideas.unsortedOption(counts.get(UNSORTED) ?? 0)}</option>
            {bank.axes.map((axis, index) => (
              <option key={axis.id} value={axis.id}>
                {t.ideas.axisOption(index + 1, axis.name, counts.get(axis.id) ?? 0)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.ideas.target}>
          <select
            value={targetId}
            onChange={(event) => setTargetId(event.target.value)}
            data-testid="idea-target"
          >
            <option value="">{t.ideas.noTarget}</option>
            {bank.axes.map((axis, index) => (
              <option key={axis.id} value={axis.id}>
                {index + 1}. {axis.name}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="idea-sorter__bar">
        <span className="idea-sorter__count" data-testid="idea-count">
          {t.ideas.shown(shown.length, bank.items.length)}
        </span>
        <Button
          secondary={!duplicatesOpen}
          aria-pressed={duplicatesOpen}
          disabled={clusters.length === 0 && !duplicatesOpen}
          onClick={() => setDuplicatesOpen(!duplicatesOpen)}
          data-testid="idea-duplicates-toggle"
        >
          {duplicatesOpen ? t.ideas.hideDuplicates : t.ideas.duplicates(clusters.length)}
        </Button>
      </div>

      {duplicatesOpen ? (
        <DuplicatesView session={session} bank={bank} clusters={clusters} />
      ) : (
        <>
          <div className="idea-bulk" data-testid="idea-bulk">
            {selection.length === 0 ? (
              <Button
                secondary
                disabled={shown.length === 0}
                onClick={() => setSelected(new Set(shown.map((item) => item.id)))}
              >
                {t.ideas.selectShown(shown.length)}
              </Button>
            ) : (
              <>
                <strong className="idea-bulk__count">{t.ideas.selected(selection.length)}</strong>
                <Button
                  disabled={!target}
                  onClick={() => {
                    classify(session.doc, selection, target!.axis.id)
                    setSelected(new Set())
                  }}
                >
                  {target ? t.ideas.moveSelection(target.axis.name) : t.ideas.moveSelectionNoTarget}
                </Button>
                <Button
                  secondary
                  disabled={ideasOfSelection().length < 2}
                  onClick={() =>
                    setWording(bank.items.find((item) => selected.has(item.id))?.text ?? '')
                  }
                >
                  {t.ideas.groupSelection}
                </Button>
                <Button
                  secondary
                  danger
                  onClick={() => {
                    binIdeas(session.doc, ideasOfSelection())
                    setSelected(new Set())
                  }}
                >
                  {t.ideas.binSelection}
                </Button>
                <Button secondary onClick={() => setSelected(new Set())}>
                  {t.ideas.clearSelection}
                </Button>
              </>
            )}
          </div>
          {wording !== null && selection.length > 0 && (
            <form
              className="inline-form idea-bulk__group"
              onSubmit={(event) => {
                event.preventDefault()
                if (!wording.trim()) return
                groupIdeas(session.doc, ideasOfSelection(), wording)
                setWording(null)
                setSelected(new Set())
              }}
            >
              <Field label={t.ideas.groupWording}>
                <input value={wording} onChange={(event) => setWording(event.target.value)} />
              </Field>
              <Button type="submit" disabled={!wording.trim()}>
                {t.ideas.group}
              </Button>
            </form>
          )}
          {bank.items.length === 0 ? (
            <p className="help">{t.ideas.empty}</p>
          ) : shown.length === 0 ? (
            <p className="help">{t.ideas.noMatch}</p>
          ) : (
            <VirtualList
              items={shown}
              rowHeight={IDEA_ROW_HEIGHT}
              keyOf={(item) => item.id}
              label={t.ideas.title}
              testId="idea-list"
              renderRow={(item) => (
                <IdeaRow
                  item={item}
                  axis={item.axisId === null ? null : (numbers.get(item.axisId) ?? null)}
                  selected={selected.has(item.id)}
                  onToggle={toggle}
                  onOpen={setOpenId}
                  target={target}
                  onFile={(id) => classify(session.doc, [id], target!.axis.id)}
                />
              )}
            />
          )}
        </>
      )}
      <IdeaBin session={session} bank={bank} />
      {openItem && (
        <IdeaDetail
          key={openItem.id}
          session={session}
          bank={bank}
          item={openItem}
          onClose={() => setOpenId(null)}
        />
      )}
    </div>
  )
}
