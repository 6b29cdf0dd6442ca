/**
 * Typing in a note on a full evening's meeting: what one keystroke costs the screens that show
 * the meeting. A full `readMeeting` (what every keystroke cost before the cached reader) against
 * `cachedMeetingReader` (what the app does), in Node, same document, same keystrokes.
 */
import * as Y from 'yjs'
import { notesOf } from '../src/doc/layout'
import { cachedMeetingReader, readMeeting } from '../src/doc/meetingDoc'
import { editNote } from '../src/doc/notes'
import { buildMeeting } from './meetingFixture'

export interface KeystrokeResult {
  fullMs: number
  cachedMs: number
  editMs: number
  keystrokes: number
}

export function runKeystroke(keystrokes = 500): KeystrokeResult {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, buildMeeting(12, 40, 20_000).update)
  const key = [...notesOf(doc).keys()][0]!
  const read = cachedMeetingReader(doc)
  read()
  const type = () => editNote(doc, key, { index: 0, deleteCount: 0, insert: 'a' })
  const perKeystroke = (work: () => void) => {
    const start = performance.now()
    for (let i = 0; i < keystrokes; i++) work()
    return (performance.now() - start) / keystrokes
  }
  return {
    editMs: perKeystroke(type),
    fullMs: perKeystroke(() => {
      type()
      readMeeting(doc)
    }),
    cachedMs: perKeystroke(() => {
      type()
      read()
    }),
    keystrokes,
  }
}
