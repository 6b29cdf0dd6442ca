import type { Axis } from '../../doc/ideaAxes'
import type { IdeaItem } from '../../doc/ideaBank'
import { t } from '../../text/strings'
import { describeSourceWithDate } from './describeSource'
import { Button } from '../../ui/Button'

interface Props {
  item: IdeaItem
  /** Its axis and that axis's number (1-based), or `null`: "à classer". */
  axis: { axis: Axis; number: number } | null
  selected: boolean
  onToggle: (id: string) => void
  onOpen: (id: string) => void
  /** The axis a tap files into, with its number; `null` when none is chosen. */
  target: { axis: Axis; number: number } | null
  onFile: (id: string) => void
}

/** One idea (or group) in the list: select it, open it, or file it with one tap. */
export function IdeaRow({ item, axis, selected, onToggle, onOpen, target, onFile }: Props) {
  const source =
    item.kind === 'group'
      ? t.ideas.groupOf(item.ideas.length)
      : describeSourceWithDate(item.ideas[0]!.source)
  const filed = target !== null && item.axisId === target.axis.id
  return (
    <div
      className={`idea-row${selected ? ' idea-row--selected' : ''}${item.kind === 'group' ? ' idea-row--group' : ''}`}
      data-testid="idea-row"
      data-item-id={item.id}
      data-axis={item.axisId ?? ''}
    >
      <label className="idea-row__select">
        <input
          type="checkbox"
          checked={selected}
          aria-label={t.ideas.selectIdea(item.text)}
          onChange={() => onToggle(item.id)}
        />
      </label>
      <button type="button" className="idea-row__body" onClick={() => onOpen(item.id)}>
        <span className="idea-row__text">{item.text}</span>
        <span className="idea-row__meta">
          <span className={`idea-axis${axis ? '' : ' idea-axis--none'}`} title={axis?.axis.name}>
            {axis ? t.ideas.axisShort(axis.number) : t.ideas.unsorted}
          </span>{' '}
          {source}
        </span>
      </button>
      {target ? (
        <Button
          secondary={filed}
          className="idea-row__file"
          aria-label={filed ? t.ideas.inAxis : t.ideas.fileInAxis(target.axis.name)}
          disabled={filed}
          onClick={() => onFile(item.id)}
        >
          {filed ? '✓' : `→ ${t.ideas.axisShort(target.number)}`}
        </Button>
      ) : (
        <Button secondary className="idea-row__file" onClick={() => onOpen(item.id)}>
          {t.ideas.chooseAxis}
        </Button>
      )}
    </div>
  )
}
