// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NOTE, NoteTablet, noteUpdate } from '../../../tests/helpers/noteTablet'
import { editNote, noteText } from '../../doc/notes'

const tablets: NoteTablet[] = []

afterEach(() => {
  for (const tablet of tablets.splice(0)) tablet.close()
})

/** A tablet with the note open, and another device (no field): each gets the other's edits at once. */
function tabletAndOther(text: string) {
  const [doc, other] = [new Y.Doc(), new Y.Doc()]
  Y.applyUpdate(doc, noteUpdate(text))
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  doc.on('update', (update: Uint8Array) => Y.applyUpdate(other, update, 'network'))
  const tablet = new NoteTablet(doc)
  tablets.push(tablet)
  const remote = (index: number, deleteCount: number, insert: string) => {
    const before = Y.encodeStateVector(doc)
    editNote(other, NOTE, { index, deleteCount, insert })
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'network'))
  }
  return { tablet, remote, other }
}

describe('a note field when someone else types in the same note', () => {
  // The field is focused but not typed in yet: no key or click event has told where its caret is.
  it.each([
    ['before it moves it', 9, [0, 0, 'Horaires. '], 'Horaires. Les bus. Le marché.', 19],
    ['after it leaves it', 8, [19, 0, ' La mairie.'], 'Les bus. Le marché. La mairie.', 8],
    ['spanning it puts it where the text was', 11, [4, 10, ''], 'Les rché.', 4],
  ] as const)('an edit %s', (_, caret, [index, deleteCount, insert], value, after) => {
    const { tablet, remote } = tabletAndOther('Les bus. Le marché.')
    tablet.focus(caret)
    remote(index, deleteCount, insert)
    expect(tablet.field.value).toBe(value)
    expect(tablet.caret).toEqual([after, after])
    tablet.type('Ici ')
    expect(tablet.field.value).toBe(value.slice(0, after) + 'Ici ' + value.slice(after))
  })

  it('keeps the caret after its own text when text comes right at it', () => {
    const { tablet, remote } = tabletAndOther('Les bus.')
    tablet.focus(8)
    tablet.type(' Oui')
    remote(12, 0, ' Non')
    expect(tablet.caret).toEqual([12, 12])
  })

  it('moves a selection with the text', () => {
    const { tablet, remote } = tabletAndOther('Les bus. Le marché.')
    act(() => {
      tablet.field.focus()
      tablet.field.setSelectionRange(4, 7)
    })
    remote(0, 0, 'Oui. ')
    expect(tablet.caret).toEqual([9, 12])
  })
})

describe('a note field while an input method composes', () => {
  it('keeps its own text and caret meanwhile, then shares the composed text where it was typed', () => {
    const { tablet, remote, other } = tabletAndOther('Les bus. Le marché.')
    tablet.focus(8)
    tablet.composition('start')
    tablet.type(' Déjà')
    remote(0, 0, 'Oui. ')
    // Rewriting the field now would end the composition.
    expect(tablet.field.value).toBe('Les bus. Déjà Le marché.')
    expect(tablet.caret).toEqual([13, 13])
    tablet.composition('end')
    expect(tablet.field.value).toBe('Oui. Les bus. Déjà Le marché.')
    expect(tablet.caret).toEqual([18, 18])
    expect(noteText(other, NOTE)!.toString()).toBe('Oui. Les bus. Déjà Le marché.')
  })

  it('replaces only the text it showed: what came meanwhile stays', () => {
    const { tablet, remote } = tabletAndOther('Les bus. Le marché.')
    act(() => {
      tablet.field.focus()
      tablet.field.setSelectionRange(4, 7)
    })
    tablet.composition('start')
    tablet.type('car')
    remote(5, 0, 'X') // inside "bus", which the composition replaces
    tablet.composition('end')
    expect(tablet.field.value).toBe('Les carX. Le marché.')
    expect(tablet.caret).toEqual([7, 7])
  })
})

describe('two tablets typing at the same spot', () => {
  it('each keeps its words whole, where its caret was, in bursts of the other’s typing', () => {
    const docs = [new Y.Doc(), new Y.Doc()]
    const start = noteUpdate('Notes : . Fin.')
    for (const doc of docs) Y.applyUpdate(doc, start)
    const [alpha, beta] = docs.map((doc) => new NoteTablet(doc))
    tablets.push(alpha!, beta!)
    const queued: Uint8Array[][] = [[], []]
    docs.forEach((doc, from) =>
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== 'network') queued[1 - from]!.push(update)
      }),
    )
    const deliver = (to: number) =>
      act(() => {
        for (const update of queued[to]!.splice(0)) Y.applyUpdate(docs[to]!, update, 'network')
      })
    alpha!.focus(8)
    beta!.focus(8)
    const words = ['Alpha alpha', 'Beta beta']
    for (let i = 0; i < words[0]!.length; i++) {
      // Beta's keystrokes reach Alpha one by one (the first before Alpha has typed anything),
      // Alpha's reach Beta in bursts of three.
      beta!.type(words[1]![i] ?? '')
      deliver(0)
      alpha!.type(words[0]![i]!)
      if (i % 3 === 2) deliver(1)
    }
    deliver(1)
    const note = noteText(docs[0]!, NOTE)!.toString()
    expect(noteText(docs[1]!, NOTE)!.toString()).toBe(note)
    expect([
      `Notes : ${words[0]}${words[1]}. Fin.`,
      `Notes : ${words[1]}${words[0]}. Fin.`,
    ]).toContain(note)
  })
})
