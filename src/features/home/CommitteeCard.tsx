import { useEffect, useState } from 'react'
import { currentCommittee, type KnownMeeting } from '../../device/deviceDb'
import { t } from '../../text/strings'

/** A way into this device's committee (its meetings, templates), once it has one. */
export function CommitteeCard() {
  const [committee, setCommittee] = useState<KnownMeeting | null>(null)
  useEffect(() => {
    void currentCommittee().then(setCommittee, () => undefined)
  }, [])
  if (!committee) return null
  return (
    <section className="card">
      <h2>{t.committee.yours}</h2>
      <a className="known-list__link" href={committee.fragment} data-testid="committee-card">
        <strong>{committee.title}</strong>
        <span className="muted">{t.committee.open}</span>
      </a>
    </section>
  )
}
