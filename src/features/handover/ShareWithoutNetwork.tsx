import { useState } from 'react'
import type { Meeting } from '../../doc/meetingDoc'
import { exportHandover } from '../../handover/exportHandover'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { deliverFile } from '../../ui/deliverFile'
import { Button } from '../../ui/Button'
import './handover.css'

interface Props {
  session: MeetingSession
  meeting: Pick<Meeting, 'ateliers'>
  /** The atelier this tablet runs; null on the coordinator's screen (the whole meeting). */
  atelierId: string | null
}

type State =
  | { step: 'idle' }
  | { step: 'preparing' }
  | { step: 'done'; how: 'shared' | 'downloaded'; fileName: string }
  | { step: 'failed' }

/** "Partager sans réseau": the meeting as this device holds it, in one file to hand over. */
export function ShareWithoutNetwork({ session, meeting, atelierId }: Props) {
  const [state, setState] = useState<State>({ step: 'idle' })
  const atelierName = meeting.ateliers.find((atelier) => atelier.id === atelierId)?.name
  const share = async () => {
    setState({ step: 'preparing' })
    try {
      const file = await exportHandover(
        session.doc,
        { roomId: session.roomId, atelierId, createdAt: Date.now() },
        atelierName ?? t.handover.wholeMeetingFileLabel,
      )
      const how = await deliverFile(file)
      setState(how === 'cancelled' ? { step: 'idle' } : { step: 'done', how, fileName: file.name })
    } catch (error) {
      console.error('hand-over export failed', error)
      setState({ step: 'failed' })
    }
  }
  return (
    <section className="card handover" data-testid="share-without-network">
      <h2>{t.handover.shareTitle}</h2>
      <p className="help">
        {atelierId === null ? t.handover.shareHelpMeeting : t.handover.shareHelpAtelier}
      </p>
      <Button secondary onClick={share} disabled={state.step === 'preparing'}>
        {state.step === 'preparing' ? t.handover.preparing : t.handover.share}
      </Button>
      <p className="handover__status" role="status" data-testid="share-status">
        {state.step === 'done' && t.handover[state.how](state.fileName)}
        {state.step === 'failed' && <span className="field__error">{t.handover.shareFailed}</span>}
      </p>
    </section>
  )
}
