import { t } from '../text/strings'
import type { Proceedings } from './buildProceedings'
import {
  atelierHeading,
  attendanceLines,
  pointsLine,
  rankingMethodLines,
  rankPrefix,
  subtitle,
  votesLine,
} from './proceedingsText'
import { markdownBlock as block, markdownInline as inline } from './textEscapes'

/**
 * The actes as Markdown, which also reads well as plain text. Every text is escaped (see
 * textEscapes.ts): what was typed shows as typed, never as HTML or as Markdown structure.
 */
export function toMarkdown(p: Proceedings): string {
  const lines: string[] = [
    `# ${inline(t.proceedings.heading(p.title))}`,
    '',
    inline(subtitle(p)),
    '',
  ]
  if (p.intro) lines.push(block(p.intro), '')
  lines.push(`## ${t.proceedings.attendance}`, '', inline(t.atelier.total(p.attendance.people)), '')
  for (const line of attendanceLines(p.attendance.total)) lines.push(`- ${inline(line)}`)
  lines.push('')
  for (const atelier of p.ateliers) {
    lines.push(`## ${inline(atelierHeading(atelier))}`, '')
    for (const step of atelier.steps)
      for (const question of step.questions) {
        lines.push(`### ${inline(question.text)}`, '')
        lines.push(question.notes ? block(question.notes) : `_${t.proceedings.noNotes}_`, '')
      }
    lines.push(`### ${t.proceedings.proposals}`, '')
    if (atelier.proposals.length === 0) lines.push(`_${t.proceedings.noProposals}_`)
    for (const proposal of atelier.proposals)
      lines.push(
        `- ${inline(proposal.text)}${proposal.validated ? ` (${t.proceedings.validated})` : ''}`,
      )
    lines.push('')
  }
  if (p.restitution.length > 0) {
    lines.push(`## ${t.proceedings.restitution}`, '')
    if (p.rankingMethod) {
      lines.push(`### ${t.proceedings.method}`, '')
      for (const line of rankingMethodLines(p.rankingMethod)) lines.push(inline(line), '')
    }
    for (const item of p.restitution) {
      lines.push(
        `### ${rankPrefix(item)}${inline(item.text)}${item.retained ? ` — ${t.proceedings.retained}` : ''}`,
        '',
      )
      for (const origin of item.origins) lines.push(`- ${inline(origin)}`)
      if (item.votes.length > 0)
        lines.push('', t.labelled(t.proceedings.votes, inline(votesLine(item.votes))))
      const points = pointsLine(item)
      if (points) lines.push('', inline(points))
      if (item.debateNotes) lines.push('', block(item.debateNotes))
      lines.push('')
    }
  }
  if (p.conclusion) lines.push(`## ${t.proceedings.conclusion}`, '', block(p.conclusion), '')
  return lines.join('\n')
}
