/**
 * One random edit of the kinds a meeting document sees — typing and deleting in a text, a note
 * (a `Y.Text` in a map) created or typed in, a nested map — for tests that need honest updates.
 * Tolerates whatever an attacker may have put in the document: it edits only what it recognises.
 */
import * as Y from 'yjs'
import type { Random } from './random'

export function randomEdit(random: Random, doc: Y.Doc): void {
  const text = doc.getText('t')
  const notes = doc.getMap<unknown>('notes')
  switch (random.int(5)) {
    case 0:
      text.insert(random.int(text.length + 1), 'abc'.slice(random.int(3)))
      break
    case 1:
      if (text.length > 0) text.delete(random.int(text.length), 1 + random.int(2))
      break
    case 2:
      notes.set(`n${random.int(3)}`, new Y.Text('note'))
      break
    case 3: {
      const inner = new Y.Map<Y.Text>()
      doc.getMap('m').set(`k${random.int(3)}`, inner)
      inner.set('notes', new Y.Text('x'))
      break
    }
    default: {
      const note = notes.get(`n${random.int(3)}`)
      if (note instanceof Y.Text) note.insert(0, 'x')
    }
  }
}
