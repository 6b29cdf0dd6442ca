import { useCallback, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import { attendanceOf, notesOf, proposalsOf } from '../doc/layout'
import { origins } from '../doc/origins'

/**
 * Undo and redo of this device's own edits to proposals, notes and attendance — never another
 * tablet's, whose changes arrive with a provider as origin and are not tracked.
 * One undo manager per document, shared by every component of the screen.
 *
 * @example
 *   const { undo, canUndo } = useUndoManager(session.doc)
 */
export function useUndoManager(doc: Y.Doc) {
  const manager = managerOf(doc)
  const subscribe = useCallback(
    (onChange: () => void) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const
      for (const event of events) manager.on(event, onChange)
      return () => {
        for (const event of events) manager.off(event, onChange)
      }
    },
    [manager],
  )
  const canUndo = useSyncExternalStore(subscribe, () => manager.canUndo())
  const canRedo = useSyncExternalStore(subscribe, () => manager.canRedo())
  return {
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
    canUndo,
    canRedo,
  }
}

const managers = new WeakMap<Y.Doc, Y.UndoManager>()

function managerOf(doc: Y.Doc): Y.UndoManager {
  let manager = managers.get(doc)
  if (!manager) {
    manager = new Y.UndoManager([proposalsOf(doc), notesOf(doc), attendanceOf(doc)], {
      trackedOrigins: new Set([origins.local]),
    })
    managers.set(doc, manager)
  }
  return manager
}
