/**
 * The actes as a Word document (.docx, which LibreOffice opens too), built with the `docx`
 * library. Imported dynamically by the export button only: the library weighs more than the
 * rest of the app and nobody needs it before the end of the evening.
 */
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
import { xmlSafe } from './textEscapes'

export async function toDocx(p: Proceedings): Promise<Blob> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx')
  // Every text through `xmlSafe`: one U+FFFE in a proposal made the whole file unreadable.
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text: xmlSafe(text), heading: level })
  const text = (value: string, italics = false) =>
    new Paragraph({ children: [new TextRun({ text: xmlSafe(value), italics })] })
  const bullet = (value: string) => new Paragraph({ text: xmlSafe(value), bullet: { level: 0 } })

  const body: InstanceType<typeof Paragraph>[] = [
    heading(t.proceedings.heading(p.title), HeadingLevel.TITLE),
    text(subtitle(p), true),
  ]
  if (p.intro) body.push(text(p.intro))
  body.push(heading(t.proceedings.attendance, HeadingLevel.HEADING_1))
  body.push(text(t.atelier.total(p.attendance.people)))
  for (const line of attendanceLines(p.attendance.total)) body.push(bullet(line))
  for (const atelier of p.ateliers) {
    body.push(heading(atelierHeading(atelier), HeadingLevel.HEADING_1))
    for (const step of atelier.steps)
      for (const question of step.questions) {
        body.push(heading(question.text, HeadingLevel.HEADING_2))
        for (const paragraph of (question.notes || t.proceedings.noNotes).split(/\n+/))
          body.push(text(paragraph, !question.notes))
      }
    body.push(heading(t.proceedings.proposals, HeadingLevel.HEADING_2))
    if (atelier.proposals.length === 0) body.push(text(t.proceedings.noProposals, true))
    for (const proposal of atelier.proposals)
      body.push(
        bullet(
          proposal.validated ? `${proposal.text} (${t.proceedings.validated})` : proposal.text,
        ),
      )
  }
  if (p.restitution.length > 0) {
    body.push(heading(t.proceedings.restitution, HeadingLevel.HEADING_1))
    if (p.rankingMethod) {
      body.push(heading(t.proceedings.method, HeadingLevel.HEADING_2))
      for (const line of rankingMethodLines(p.rankingMethod)) body.push(text(line))
    }
    for (const item of p.restitution) {
      body.push(
        heading(
          `${rankPrefix(item)}${item.text}${item.retained ? ` — ${t.proceedings.retained}` : ''}`,
          HeadingLevel.HEADING_2,
        ),
      )
      for (const origin of item.origins) body.push(bullet(origin))
      if (item.votes.length > 0)
        body.push(text(t.labelled(t.proceedings.votes, votesLine(item.votes))))
      const points = pointsLine(item)
      if (points) body.push(text(points))
      if (item.debateNotes) body.push(text(item.debateNotes))
    }
  }
  if (p.conclusion)
    body.push(heading(t.proceedings.conclusion, HeadingLevel.HEADING_1), text(p.conclusion))
  const document = new Document({
    creator: 'Tandem',
    title: xmlSafe(t.proceedings.heading(p.title)),
    sections: [{ children: body }],
  })
  return Packer.toBlob(document)
}
