/**
 * A tablet with one collaborative note field (`CollaborativeTextarea`) open on its own Y.Doc, for
 * component tests under happy-dom. Each tablet renders in its own happy-dom window, so two of
 * them can have their field focused at once, as two real tablets do. Typing goes through the
 * field as a browser's would: the character replaces the selection, then an `input` event; an
 * input method's composition wraps typing in `compositionstart` and `compositionend`.
 *
 *   const tablet = new NoteTablet(doc, NOTE)
 *   tablet.focus(3); tablet.type('Alpha'); expect(tablet.caret).toEqual([8, 8])
 */
import { Window } from 'happy-dom'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import * as Y from 'yjs'
import { notesOf } from '../../src/doc/layout'
import { noteKey } from '../../src/doc/notes'
import { CollaborativeTextarea } from '../../src/features/atelier/CollaborativeTextarea'
import type { MeetingSession } from '../../src/sync/meetingSession'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

export const NOTE = noteKey('atelier', 'step', 'question')

/** A meeting holding only the note `NOTE`, starting with `text`. */
export function noteUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  notesOf(doc).set(NOTE, new Y.Text(text))
  return Y.encodeStateAsUpdate(doc)
}

export class NoteTablet {
  readonly field: HTMLTextAreaElement
  readonly #window = new Window()
  readonly #root: Root

  constructor(readonly doc: Y.Doc) {
    const container = this.#window.document.createElement('div') as unknown as HTMLElement
    this.#window.document.body.append(container as never)
    this.#root = createRoot(container)
    act(() =>
      this.#root.render(
        <CollaborativeTextarea
          session={{ doc } as MeetingSession}
          noteKey={NOTE}
          label="Notes"
          placeholder=""
        />,
      ),
    )
    this.field = container.querySelector('textarea')!
  }

  /** Focuses the field with the caret at `at`, without typing. */
  focus(at: number): void {
    act(() => {
      this.field.focus()
      this.field.setSelectionRange(at, at)
    })
  }

  /** Types `chars` one at a time at the caret, each one a change of its own. */
  type(chars: string): void {
    const setValue = Object.getOwnPropertyDescriptor(
      Object.getPrototypeOf(this.field),
      'value',
    )!.set!
    for (const char of chars)
      act(() => {
        const { selectionStart: start, selectionEnd: end, value } = this.field
        // The prototype's setter, as the browser's own editing: React must see the change.
        setValue.call(this.field, value.slice(0, start) + char + value.slice(end))
        this.field.setSelectionRange(start + 1, start + 1)
        this.field.dispatchEvent(new this.#window.Event('input', { bubbles: true }) as never)
      })
  }

  /** An input method starts or ends composing (typing in between goes through `type`). */
  composition(phase: 'start' | 'end'): void {
    act(() => {
      this.field.dispatchEvent(new this.#window.Event(`composition${phase}`) as never)
    })
  }

  get caret(): [number, number] {
    return [this.field.selectionStart, this.field.selectionEnd]
  }

  close(): void {
    act(() => this.#root.unmount())
    void this.#window.happyDOM.close()
  }
}
