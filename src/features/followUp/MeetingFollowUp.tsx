import { useDeviceCommittee } from '../../hooks/useCommittee'
import { t } from '../../text/strings'
import { FollowUpPanel } from './FollowUpPanel'

/**
 * The tableau de suivi from a meeting's coordinator screen, after its actes: the committee's
 * table (kept in the committee document of this device), opened on this meeting's proposals.
 */
export function MeetingFollowUp({ meetingId }: { meetingId: string }) {
  const { session, committee, none } = useDeviceCommittee()
  return (
    <div className="page">
      {session && committee ? (
        <FollowUpPanel committee={committee} session={session} meetingId={meetingId} />
      ) : (
        <section className="card" data-testid="follow-up">
          <h2>{t.followUp.title}</h2>
          <p className="help">{none ? t.followUp.noCommittee : t.followUp.loading}</p>
        </section>
      )}
    </div>
  )
}
