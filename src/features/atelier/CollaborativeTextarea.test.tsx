// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ENGINES, NOTE, NoteTablet, noteUpdate } from '../../../tests/helpers/noteTablet'
import { notesOf } from '../../doc/layout'
import { editNote, noteKey, noteText } from '../../doc/notes'

const tablets: NoteTablet[] = []

afterEach(() => {
  for (const tablet of tablets.splice(0)) tablet.close()
})

/** A tablet with the note open, and another device (no field): each gets the other's edits at once. */
function tabletAndOther(text: string | Uint8Array) {
  const [doc, other] = [new Y.Doc(), new Y.Doc()]
  Y.applyUpdate(doc, typeof text === 'string' ? noteUpdate(text) : text)
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  doc.on('update', (update: Uint8Array) => Y.applyUpdate(other, update, 'network'))
  const tablet = new NoteTablet(doc)
  tablets.push(tablet)
  /** The other device changes the note's Y.Text as it likes (a raw write, hostile or not). */
  const write = (edit: (text: Y.Text) => void) => {
    const before = Y.encodeStateVector(doc)
    edit(noteText(other, NOTE)!)
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'network'))
  }
  const remote = (index: number, deleteCount: number, insert: string) =>
    write(() => editNote(other, NOTE, { index, deleteCount, insert }))
  return { tablet, remote, write, other }
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

/** A tablet composing " Déjà" after "Les bus." while the other device writes "Oui. " first. */
function composingWhileOtherWrites() {
  const setup = tabletAndOther('Les bus. Le marché.')
  setup.tablet.focus(8)
  setup.tablet.compose()
  setup.tablet.type(' Déjà')
  setup.remote(0, 0, 'Oui. ')
  return setup
}

describe.each(ENGINES)('a note field while an input method composes (%s’s events)', (engine) => {
  it('keeps its own text and caret meanwhile, then shares the composed text where it was typed', () => {
    const { tablet, other } = composingWhileOtherWrites()
    // Rewriting the field now would end the composition.
    expect(tablet.field.value).toBe('Les bus. Déjà Le marché.')
    expect(tablet.caret).toEqual([13, 13])
    tablet.commit(engine)
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
    tablet.compose()
    tablet.type('car')
    remote(5, 0, 'X') // inside "bus", which the composition replaces
    tablet.commit(engine)
    expect(tablet.field.value).toBe('Les carX. Le marché.')
    expect(tablet.caret).toEqual([7, 7])
  })

  it('shares the committed text in place of the composed one (a dead key’s accent, then é)', () => {
    const { tablet, remote, other } = tabletAndOther('Les bus. Le marché.')
    tablet.focus(8)
    tablet.type(' D')
    tablet.compose()
    tablet.type('´')
    remote(0, 0, 'Oui. ')
    remote(18, 0, ' Non') // right after "Le", in the part the field has not shown yet
    tablet.commit(engine, 'é')
    tablet.type('jà')
    const note = 'Oui. Les bus. Déjà Le Non marché.'
    expect(tablet.field.value).toBe(note)
    expect(tablet.caret).toEqual([18, 18])
    expect(noteText(other, NOTE)!.toString()).toBe(note)
  })

  // The caret property's seed 1704154823: the caret jumped to the end of the text.
  it('keeps the caret where it was when nothing was composed and others typed meanwhile', () => {
    const { tablet, remote } = tabletAndOther('Les bus. Le marché.')
    tablet.focus(8)
    tablet.compose()
    remote(0, 0, 'Oui. ')
    tablet.commit(engine)
    expect(tablet.field.value).toBe('Oui. Les bus. Le marché.')
    expect(tablet.caret).toEqual([13, 13])
  })

  it('keeps the composed text when the field goes away before the composition ends', () => {
    const { tablet, other } = composingWhileOtherWrites()
    tablet.close()
    expect(noteText(other, NOTE)!.toString()).toBe('Oui. Les bus. Déjà Le marché.')
  })

  it('keeps the composed text in its note when the field moves to another note meanwhile', () => {
    const { tablet, other } = tabletAndOther('Les bus.')
    const next = noteKey('atelier', 'step', 'other')
    act(() => notesOf(tablet.doc).set(next, new Y.Text('Autre note.')))
    tablet.focus(8)
    tablet.compose()
    tablet.type(' Déjà')
    tablet.show(next)
    expect(tablet.field.value).toBe('Autre note.')
    expect(noteText(other, NOTE)!.toString()).toBe('Les bus. Déjà')
    expect(noteText(other, next)!.toString()).toBe('Autre note.')
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

describe('a note field on a note holding embeds and formatting (written by hand: Tandem never does)', () => {
  /**
   * "Les bus. Le marché." with an image before "bus", an embed holding the string "XYZ" before
   * "Le" (a raw update: Yjs's API makes text of a string, but a Yjs delta shows such an embed as
   * three characters) and "Le" in bold.
   */
  function hostileNote() {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, noteUpdate('Les bus. Le marché.'))
    const text = noteText(doc, NOTE)!
    text.insertEmbed(4, { image: 'x' })
    text.insertEmbed(10, [1, 2])
    text.format(11, 2, { bold: true })
    const update = Y.encodeStateAsUpdate(doc)
    const json = new TextEncoder().encode('[1,2]')
    const at = update.findIndex((_, index) => json.every((byte, i) => update[index + i] === byte))
    update.set(new TextEncoder().encode('"XYZ"'), at)
    return tabletAndOther(update)
  }

  it('shows the characters only, and types and erases beside the right ones, nothing else changed', () => {
    const { tablet } = hostileNote()
    expect(tablet.field.value).toBe('Les bus. Le marché.')
    tablet.focus(7)
    tablet.type('!')
    tablet.focus(4) // right before the image
    tablet.erase()
    tablet.type('-')
    tablet.focus(12) // right after "Le"
    tablet.erase()
    tablet.type('a')
    expect(tablet.field.value).toBe('Les-bus!. La marché.')
    expect(tablet.caret).toEqual([12, 12])
    expect(noteText(tablet.doc, NOTE)!.toDelta()).toEqual([
      { insert: 'Les-' },
      { insert: { image: 'x' } },
      { insert: 'bus!. ' },
      { insert: 'XYZ' },
      { insert: 'La', attributes: { bold: true } },
      { insert: ' marché.' },
    ])
  })

  it('moves the caret with others’ characters only, not with embeds it does not show', () => {
    const { tablet, write } = hostileNote()
    tablet.focus(9) // before "Le"
    write((text) => text.insertEmbed(0, { image: 'y' }))
    write((text) => text.insert(0, 'Oui. '))
    expect(tablet.field.value).toBe('Oui. Les bus. Le marché.')
    expect(tablet.caret).toEqual([14, 14])
    tablet.type('Ici ')
    expect(tablet.field.value).toBe('Oui. Les bus. Ici Le marché.')
    write((text) => text.delete(0, 3)) // "Oui", in the field, after the image, not shown
    expect(tablet.caret).toEqual([15, 15])
  })
})
