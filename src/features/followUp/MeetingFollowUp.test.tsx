// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, mount } from '../../../tests/helpers/render'
import { waitFor } from '../../../tests/helpers/waitFor'
import { t } from '../../text/strings'
import { MeetingFollowUp } from './MeetingFollowUp'

afterEach(cleanup)

describe('the tableau de suivi from a meeting', () => {
  it('says where the table is on a device that never opened the committee', async () => {
    const { container } = mount(<MeetingFollowUp meetingId="room-1" />)
    // While this device's committee is looked up, no wrong advice.
    expect(container.textContent).toContain(t.followUp.loading)
    // Dexie answers in its own time: let React commit what came back, then look again.
    await waitFor(async () => {
      await act(async () => undefined)
      return container.textContent!.includes(t.followUp.noCommittee)
    }, 'the advice to open the committee')
    expect(container.textContent).not.toContain(t.followUp.loading)
  })
})
