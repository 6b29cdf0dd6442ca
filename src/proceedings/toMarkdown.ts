import { t } from '../ui/strings'
import type { Proceedings } from './buildProceedings'
import { atelierHeading, attendanceLines, subtitle, votesLine } from './proceedingsText'

/** The actes as Markdown, which also reads well as plain text. */
export function toMarkdown(p: Proceedings): string {
  const lines: string[] = [`# ${t.proceedings.heading(p.title)}`, '', subtitle(p), '']
  if (p.intro) lines.push(p.intro, '')
  lines.push(`## ${t.proceedings.attendance}`, '', t.atelier.total(p.attendance.people), '')
  for (const line of attendanceLines(p.attendance.total)) lines.push(`- ${line}`)
  lines.push('')
  for (const atelier of p.ateliers) {
    lines.push(`## ${atelierHeading(atelier)}`, '')
    for (const step of atelier.steps)
      for (const question of step.questions) {
        lines.push(`### ${question.text}`, '')
        lines.push(question.notes || `_${t.proceedings.noNotes}_`, '')
      }
    lines.push(`### ${t.proceedings.proposals}`, '')
    if (atelier.proposals.length === 0) lines.push(`_${t.proceedings.noProposals}_`)
    for (const proposal of atelier.proposals)
      lines.push(`- ${proposal.text}${proposal.validated ? ` (${t.proceedings.validated})` : ''}`)
    lines.push('')
  }
  if (p.restitution.length > 0) {
    lines.push(`## ${t.proceedings.restitution}`, '')
    for (const item of p.restitution) {
      const rank = item.rank === null ? '' : `${item.rank}. `
      lines.push(
        `### ${rank}${item.text}${item.retained ? ` — ${t.proceedings.retained}` : ''}`,
        '',
      )
      for (const origin of item.origins) lines.push(`- ${origin}`)
      if (item.votes.length > 0) lines.push('', `${t.proceedings.votes} : ${votesLine(item.votes)}`)
      if (item.debateNotes) lines.push('', item.debateNotes)
      lines.push('')
    }
  }
  if (p.conclusion) lines.push(`## ${t.proceedings.conclusion}`, '', p.conclusion, '')
  return lines.join('\n')
}
