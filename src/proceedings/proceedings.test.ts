import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDocx } from '../../tests/helpers/exportsParse'
import { transmit } from '../doc/ateliers'
import { adjustAttendance } from '../doc/attendance'
import { updateDetails } from '../doc/details'
import { createMeeting, readMeeting } from '../doc/meetingDoc'
import { editNote, noteKey } from '../doc/notes'
import { addProposal, setValidated } from '../doc/proposals'
import { buildProceedings, type ProceedingsRestitutionItem } from './buildProceedings'
import { toDocx } from './toDocx'
import { toMarkdown } from './toMarkdown'
import { frenchSpacing } from '../text/strings'

function fixture() {
  const doc = new Y.Doc()
  const [sante, logement] = createMeeting(doc, {
    title: 'Comité de décembre',
    date: '2026-12-03',
    atelierNames: ['Santé', 'Logement'],
  })
  updateDetails(doc, {
    place: 'Hôtel de Ville',
    theme: 'L’accès aux droits',
    proceedingsIntro: 'Merci à toutes et à tous.',
  })
  const step = readMeeting(doc).script[1]!
  editNote(doc, noteKey(sante!, step.id, step.questions[1]!.id), {
    index: 0,
    deleteCount: 0,
    insert: 'Les délais de rendez-vous sont trop longs.',
  })
  const p1 = addProposal(doc, {
    atelierId: sante!,
    text: 'Un accueil sans rendez-vous',
    authorRole: 'reporter',
  })
  addProposal(doc, { atelierId: sante!, text: 'Un numéro unique', authorRole: 'reporter' })
  addProposal(doc, {
    atelierId: logement!,
    text: 'Des permanences logement',
    authorRole: 'reporter',
  })
  setValidated(doc, p1, true)
  transmit(doc, sante!)
  adjustAttendance(doc, sante!, 'usagerNew', 1)
  adjustAttendance(doc, sante!, 'usagerReturning', 1)
  adjustAttendance(doc, logement!, 'elected', 1)
  const items: ProceedingsRestitutionItem[] = [
    {
      text: 'Un accueil sans rendez-vous',
      origins: ['Santé : Un accueil sans rendez-vous'],
      votes: [
        { label: 'Usagers', count: 12, weight: 1 },
        { label: 'Élus', count: 3, weight: 0.5 },
      ],
      score: 13.5,
      rank: 1,
      tied: true,
      retained: true,
      debateNotes: 'La salle demande une expérimentation au printemps.',
    },
    {
      text: 'Un numéro unique',
      origins: ['Santé'],
      votes: [
        { label: 'Usagers', count: 13, weight: 1 },
        { label: 'Élus', count: 1, weight: 0.5 },
      ],
      score: 13.5,
      rank: 1,
      tied: true,
      retained: false,
      debateNotes: '',
    },
  ]
  const weights = [
    { label: 'Usagers', weight: 1 },
    { label: 'Élus', weight: 0.5 },
  ]
  return buildProceedings(readMeeting(doc), { items, method: { mode: 'colleges', weights } })
}

describe('actes', () => {
  it('gather every atelier’s notes and proposals, attendance and the restitution', () => {
    const p = fixture()
    expect(p.attendance.people).toBe(3)
    expect(p.attendance.total).toMatchObject({ usagerNew: 1, usagerReturning: 1, elected: 1 })
    expect(p.ateliers.map((a) => a.proposals.length)).toEqual([2, 1])
    const md = toMarkdown(p)
    for (const expected of [
      '# Actes — Comité de décembre',
      'Hôtel de Ville',
      'Thème : L’accès aux droits',
      'Merci à toutes et à tous.',
      'Total : 3 personnes',
      'Usagers — première fois : 1',
      '## Santé',
      'Les délais de rendez-vous sont trop longs.',
      '- Un accueil sans rendez-vous (validée par le groupe)',
      '- Des permanences logement',
      '### 1. (ex æquo) Un accueil sans rendez-vous — retenue en plénière',
      'Votes : Usagers : 12 · Élus : 3',
      'Points : 12 + 3 × 0,5 = 13,5',
      '### Comment les propositions ont été classées',
      'Usagers : poids 1 ; Élus : poids 0,5',
      'sont ex æquo',
      '### 1. (ex æquo) Un numéro unique',
      'La salle demande une expérimentation au printemps.',
    ])
      expect(md).toContain(frenchSpacing(expected))
  })

  it('make a Word file with the same content', async () => {
    const blob = await toDocx(fixture())
    expect(blob.size).toBeGreaterThan(1000)
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()))
    const xml = strFromU8(files['word/document.xml']!)
    for (const expected of [
      'Actes — Comité de décembre',
      'Les délais de rendez-vous sont trop longs.',
      'Des permanences logement',
      'La salle demande une expérimentation au printemps.',
      'Comment les propositions ont été classées',
      'Points : 12 + 3 × 0,5 = 13,5',
      '1. (ex æquo) Un numéro unique',
    ])
      expect(xml).toContain(frenchSpacing(expected))
  })

  describe('hold what was typed as text', () => {
    const hostile = () => {
      const p = fixture()
      const notes =
        '<img src=x onerror=alert(1)>\n# Titre pirate\n===\n1. liste\n    code\n> citation'
      p.ateliers[0]!.steps[1]!.questions[1]!.notes = notes
      p.ateliers[0]!.proposals[0]!.text = '<b>gras</b> [lien](javascript:alert(1)) *x*\n## titre'
      p.restitution[0]!.debateNotes = 'fin\uFFFE\uFFFF\u0001\uD800 ok'
      p.title = 'Titre\u0000'
      return p
    }

    it('in Markdown: no HTML, no heading, list, quote or link from a field', () => {
      const md = toMarkdown(hostile())
      expect(md).not.toMatch(/<img|<b>/)
      expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;')
      expect(md).toContain('\\# Titre pirate')
      expect(md).toContain('\\===')
      expect(md).toContain('1\\. liste')
      expect(md).toContain('&gt; citation')
      expect(md).toContain('\\[lien\\](javascript:alert(1)) \\*x\\* ## titre')
      // The only headings are those the actes write.
      const headings = md.split('\n').filter((line) => /^ {0,3}#/.test(line))
      expect(headings.some((line) => line.includes('pirate') || line.includes('## titre'))).toBe(
        false,
      )
      expect(md.split('\n').some((line) => /^ {4}/.test(line))).toBe(false)
    })

    it('in Word: characters XML forbids are left out, the file parses', async () => {
      const parts = await readDocx(await toDocx(hostile()))
      expect(parts['word/document.xml']).toContain('fin ok')
    })
  })
})
