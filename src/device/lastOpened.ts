import { listKnownMeetings } from './deviceDb'

/**
 * When the installed app starts (its start URL has no fragment), go back to the meeting this
 * device had open last, so a tablet restarted mid-evening lands on its atelier. The home screen
 * stays one tap away ("Tandem" in the top bar leads to `#/`).
 */
export async function reopenLastMeeting(location: Location = window.location): Promise<void> {
  if (location.hash !== '') return
  try {
    const [last] = await listKnownMeetings()
    if (last && last.kind !== 'committee') location.replace(last.fragment)
  } catch {
    // No device storage: start on the home screen.
  }
}
