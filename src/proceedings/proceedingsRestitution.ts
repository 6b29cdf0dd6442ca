/**
 * The restitution as the actes tell it (see `src/proceedings/buildProceedings.ts`): every item
 * of the wall in ranking order, with where it came from, its votes and points, whether the
 * plenary retained it and the debate notes; and how the ranking was made (the weights). Pure:
 * from the meeting snapshot alone.
 */
import { buildWall } from '../doc/grouping'
import type { Meeting } from '../doc/meetingDoc'
import { debateNoteKey } from '../doc/plenary'
import { rankItems } from '../doc/votes'
import { VOTE_COLLEGES } from '../doc/voteCounts'
import type { ProceedingsRestitution } from './buildProceedings'
import { t } from '../text/strings'

export function proceedingsRestitution(meeting: Meeting): ProceedingsRestitution {
  const wall = buildWall(meeting)
  const byId = new Map(wall.items.map((item) => [item.id, item]))
  const { entries, settings, retained } = meeting.votes
  const ranking = rankItems(
    wall.items.map((item) => item.id),
    entries,
    settings,
  )
  const items = ranking.map(({ tally, rank, tied }) => {
    const item = byId.get(tally.itemId)!
    const counted =
      settings.mode === 'overall'
        ? [{ label: t.plenary.overallCount, count: tally.buckets.overall.value, weight: 1 }]
        : VOTE_COLLEGES.map((college) => ({
            label: t.wall.colleges[college],
            count: tally.buckets[college].value,
            weight: settings.weights[college],
          }))
    return {
      text: item.text,
      origins:
        item.kind === 'group'
          ? item.origins.map(({ atelier, proposal }) =>
              t.plenary.originalText(atelier.name, proposal.text),
            )
          : [item.origins[0]!.atelier.name],
      votes: counted.flatMap(({ count, ...vote }) => (count === null ? [] : [{ ...vote, count }])),
      score: tally.score,
      rank,
      tied,
      retained: retained[item.id] !== undefined,
      debateNotes: (meeting.notes[debateNoteKey(item.id)] ?? '').trim(),
    }
  })
  const voted = ranking.some(({ rank }) => rank !== null)
  return {
    items,
    method: !voted
      ? null
      : {
          mode: settings.mode,
          weights:
            settings.mode === 'overall'
              ? []
              : VOTE_COLLEGES.map((college) => ({
                  label: t.wall.colleges[college],
                  weight: settings.weights[college],
                })),
        },
  }
}
