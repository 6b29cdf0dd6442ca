/**
 * A tablet with one collaborative note field (`CollaborativeTextarea`) open on its own Y.Doc, for
 * component tests under happy-dom. Each tablet renders in its own happy-dom window, so two of
 * them can have their field focused at once, as two real tablets do. Typing goes through the
 * field as a browser's would: the character replaces the selection, then an `input` event; an
 * input method's composition starts with `compositionstart`, composes through typing, and ends
 * in the order of one engine's events (`commit`). Each event is dispatched in its own `act`, as
 * a browser runs React's pending work between two events.
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

/**
 * How an engine ends a composition (UI Events; the differences are w3c/uievents issue 202 and
 * WebKit bug 165004):
 * - `chromium` puts the committed text in the field, fires `input`, then `compositionend`;
 * - `gecko` fires `input` both before and after `compositionend`;
 * - `webkit`, as WebKitGTK 2.50 was seen to do (a GTK input method, 2026-11-30): deletes the
 *   composed text (`input`), fires `compositionend`, inserts the committed text at the caret
 *   (`input`), and fires `compositionend` again;
 * - `webkit-selected`, WebKit's older `Editor::setComposition` (what Safari's bug describes):
 *   selects the composed text, fires `compositionend`, then replaces the selection with the
 *   committed text and fires `input`.
 */
export type Engine = 'chromium' | 'gecko' | 'webkit' | 'webkit-selected'
export const ENGINES: readonly Engine[] = ['chromium', 'gecko', 'webkit', 'webkit-selected']

export class NoteTablet {
  readonly field: HTMLTextAreaElement
  readonly #window = new Window()
  readonly #root: Root
  /** Where the text being composed starts, during a composition. */
  #composedFrom: number | null = null
  #open = true

  constructor(readonly doc: Y.Doc) {
    const container = this.#window.document.createElement('div') as unknown as HTMLElement
    this.#window.document.body.append(container as never)
    this.#root = createRoot(container)
    this.show(NOTE)
    this.field = container.querySelector('textarea')!
  }

  /** The field shows the note `key` (the same field, as when a screen moves to another note). */
  show(key: string): void {
    act(() =>
      this.#root.render(
        <CollaborativeTextarea
          session={{ doc: this.doc } as MeetingSession}
          noteKey={key}
          label="Notes"
          placeholder=""
        />,
      ),
    )
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
    for (const char of chars) {
      this.#replace(this.field.selectionStart, this.field.selectionEnd, char)
      this.#input()
    }
  }

  /** Backspace: deletes the selection, or the character before the caret. */
  erase(): void {
    const { selectionStart: start, selectionEnd: end } = this.field
    this.#replace(start === end ? Math.max(0, start - 1) : start, end, '')
    this.#input()
  }

  /** An input method starts composing at the caret (what it composes goes through `type`). */
  compose(): void {
    this.#composedFrom = this.field.selectionStart
    this.#event('compositionstart')
  }

  /** The input method commits `text` (by default what it composed) in `engine`'s order. */
  commit(engine: Engine, text?: string): void {
    const [from, to] = [this.#composedFrom!, this.field.selectionStart]
    this.#composedFrom = null
    const committed = text ?? this.field.value.slice(from, to)
    if (engine === 'webkit' || engine === 'webkit-selected') {
      if (engine === 'webkit') {
        this.#replace(from, to, '')
        this.#input()
      } else act(() => this.field.setSelectionRange(from, to))
      this.#event('compositionend')
      // Whatever the page did meanwhile, the committed text replaces the selection.
      this.#replace(this.field.selectionStart, this.field.selectionEnd, committed)
      this.#input()
      if (engine === 'webkit') this.#event('compositionend')
      return
    }
    this.#replace(from, to, committed)
    this.#input()
    this.#event('compositionend')
    if (engine === 'gecko') this.#input()
  }

  /** The browser's own editing: replaces `start`–`end` and puts the caret after it. */
  #replace(start: number, end: number, insert: string): void {
    const { value } = this.field
    // The prototype's setter, as the browser's own editing: React must see the change.
    const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(this.field), 'value')!
    act(() => {
      setValue.set!.call(this.field, value.slice(0, start) + insert + value.slice(end))
      this.field.setSelectionRange(start + insert.length, start + insert.length)
    })
  }

  #input(): void {
    act(() => {
      this.field.dispatchEvent(new this.#window.Event('input', { bubbles: true }) as never)
    })
  }

  #event(type: string): void {
    act(() => {
      this.field.dispatchEvent(new this.#window.Event(type) as never)
    })
  }

  get caret(): [number, number] {
    return [this.field.selectionStart, this.field.selectionEnd]
  }

  /** The field goes away (another screen, step or atelier); closing again does nothing. */
  close(): void {
    if (!this.#open) return
    this.#open = false
    act(() => this.#root.unmount())
    void this.#window.happyDOM.close()
  }
}
