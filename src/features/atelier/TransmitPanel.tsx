import { useState } from 'react'
import { transmit, type Atelier } from '../../doc/ateliers'
import { useSyncStatus } from '../../hooks/useSyncStatus'
import type { MeetingSession } from '../../sync/meetingSession'
import { formatTime } from '../../text/formatDate'
import { t } from '../../text/strings'
import { Button } from '../../ui/Button'

interface Props {
  session: MeetingSession
  atelier: Atelier
  validatedCount: number
}

/**
 * "Transmettre à la plénière", then a clear receipt: when it was sent, and whether the relay of
 * the room has it (so the coordination sees it) or it will leave when the network comes back.
 * Transmitting with nothing validated is asked about first: the plenary would receive nothing.
 */
export function TransmitPanel({ session, atelier, validatedCount }: Props) {
  const reachedRelay = useSyncStatus(
    session,
    (status) => status.connection === 'synced' && !status.pendingChanges,
  )
  const [confirmingEmpty, setConfirmingEmpty] = useState(false)
  const send = () => {
    setConfirmingEmpty(false)
    transmit(session.doc, atelier.id)
  }
  return (
    <div className="transmit">
      {confirmingEmpty ? (
        <div className="confirm" role="alertdialog" aria-labelledby="transmit-empty-question">
          <p id="transmit-empty-question">{t.atelier.transmitNothing}</p>
          <div className="inline-actions">
            <Button onClick={send}>{t.atelier.transmitAnyway}</Button>
            <Button secondary autoFocus onClick={() => setConfirmingEmpty(false)}>
              {t.atelier.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          large
          onClick={() => (validatedCount === 0 ? setConfirmingEmpty(true) : send())}
          data-testid="transmit"
        >
          {atelier.transmittedAt === null ? t.atelier.transmit : t.atelier.transmitAgain}
        </Button>
      )}
      {atelier.transmittedAt !== null && (
        <div className="receipt" role="status" data-testid="transmitted-at">
          <p className="receipt__sent">
            {t.atelier.transmittedAt(formatTime(atelier.transmittedAt))}
          </p>
          <p
            className={`receipt__relay${reachedRelay ? '' : ' receipt__relay--waiting'}`}
            data-testid="transmission-relay"
            data-reached={reachedRelay}
          >
            {reachedRelay ? t.atelier.transmissionOnRelay : t.atelier.transmissionWaiting}
          </p>
        </div>
      )}
    </div>
  )
}
