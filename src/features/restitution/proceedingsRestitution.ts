/**
 * The restitution as the actes tell it (see `src/proceedings/buildProceedings.ts`): every item
 * of the wall in ranking order, with where it came from, its votes, whether the plenary retained
 * it and the debate notes. Pure: from the meeting snapshot alone.
 */
import { buildWall } from '../../doc/grouping'
import type { Meeting } from '../../doc/meetingDoc'
import { debateNoteKey } from '../../doc/plenary'
import { rankItems, VOTE_COLLEGES } from '../../doc/votes'
import type { ProceedingsRestitutionItem } from '../../proceedings/buildProceedings'
import { t } from '../../ui/strings'

export function proceedingsRestitution(meeting: Meeting): ProceedingsRestitutionItem[] {
  const wall = buildWall(meeting)
  const byId = new Map(wall.items.map((item) => [item.id, item]))
  const { entries, settings, retained } = meeting.votes
  return rankItems(
    wall.items.map((item) => item.id),
    entries,
    settings,
  ).map(({ tally, rank }) => {
    const item = byId.get(tally.itemId)!
    const counted =
      settings.mode === 'overall'
        ? [{ label: t.plenary.overallCount, count: tally.buckets.overall.value }]
        : VOTE_COLLEGES.map((college) => ({
            label: t.wall.colleges[college],
            count: tally.buckets[college].value,
          }))
    return {
      text: item.text,
      origins:
        item.kind === 'group'
          ? item.origins.map(({ atelier, proposal }) =>
              t.plenary.originalText(atelier.name, proposal.text),
            )
          : [item.origins[0]!.atelier.name],
      votes: counted.flatMap(({ label, count }) => (count === null ? [] : [{ label, count }])),
      score: tally.score,
      rank,
      retained: retained[item.id] !== undefined,
      debateNotes: (meeting.notes[debateNoteKey(item.id)] ?? '').trim(),
    }
  })
}
