import { useMemo, useState } from 'react'
import { updateDetails } from '../../doc/details'
import type { Meeting } from '../../doc/meetingDoc'
import { buildProceedings, type ProceedingsRestitution } from '../../proceedings/buildProceedings'
import { toMarkdown } from '../../proceedings/toMarkdown'
import type { MeetingSession } from '../../sync/meetingSession'
import { deliverFile } from '../../ui/deliverFile'
import { fileSlug } from '../../text/fileSlug'
import { t } from '../../text/strings'
import { ProceedingsView } from './ProceedingsView'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'
import './proceedings.css'

interface Props {
  meeting: Meeting
  session: MeetingSession
  restitution: ProceedingsRestitution
}

/** The actes, the same evening: an introduction and a conclusion, then print, Word or text. */
export function ProceedingsPanel({ meeting, session, restitution }: Props) {
  const proceedings = useMemo(() => buildProceedings(meeting, restitution), [meeting, restitution])
  const [busy, setBusy] = useState(false)
  const fileName = (ext: string) => t.proceedings.fileName(fileSlug(meeting.title), ext)
  const word = async () => {
    setBusy(true)
    try {
      const { toDocx } = await import('../../proceedings/toDocx')
      const blob = await toDocx(proceedings)
      await deliverFile(new File([blob], fileName('docx'), { type: blob.type }))
    } finally {
      setBusy(false)
    }
  }
  const markdown = () =>
    void deliverFile(new File([toMarkdown(proceedings)], fileName('md'), { type: 'text/markdown' }))
  return (
    <div className="page page--wide">
      <section className="card no-print">
        <Field label={t.proceedings.intro}>
          <textarea
            rows={3}
            maxLength={4000}
            value={meeting.proceedingsIntro}
            onChange={(e) => updateDetails(session.doc, { proceedingsIntro: e.target.value })}
          />
        </Field>
        <Field label={t.proceedings.conclusionField}>
          <textarea
            rows={3}
            maxLength={4000}
            value={meeting.proceedingsConclusion}
            onChange={(e) => updateDetails(session.doc, { proceedingsConclusion: e.target.value })}
          />
        </Field>
        <div className="inline-actions">
          <Button onClick={() => window.print()}>{t.proceedings.print}</Button>
          <Button secondary disabled={busy} onClick={() => void word()} data-testid="export-docx">
            {busy ? t.proceedings.preparing : t.proceedings.word}
          </Button>
          <Button secondary onClick={markdown}>
            {t.proceedings.markdown}
          </Button>
        </div>
      </section>
      <ProceedingsView proceedings={proceedings} />
    </div>
  )
}
