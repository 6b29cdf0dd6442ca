/**
 * Merges a hand-over file into the open meeting, exactly as a network sync would: the file's
 * Yjs update is applied to the document (one transaction, origin `import`), so y-indexeddb
 * stores it and the relay receives it at the next connection like any change made here.
 */
import * as Y from 'yjs'
import { hasMeeting, readMeeting } from '../doc/meetingDoc'
import { origins } from '../doc/origins'
import type { RoomId } from '../links/capability'
import { decodeHandover, type HandoverRefusal } from './handoverFile'
import { mergeReport, type MergeReport } from './mergeReport'

export type ImportResult =
  | {
      ok: true
      report: MergeReport
      /** False when the file brought nothing this device did not have (imported twice). */
      changed: boolean
      /** The atelier whose tablet made the file; null if a coordinator's screen made it. */
      atelier: { id: string; name: string } | null
    }
  | { ok: false; reason: HandoverRefusal }

/** Validates `file` as a hand-over of the meeting `roomId` and merges it into `doc`. */
export async function importHandover(
  doc: Y.Doc,
  roomId: RoomId,
  file: Blob,
): Promise<ImportResult> {
  const decoded = await decodeHandover(file, roomId)
  if (!decoded.ok) return decoded
  if (!holdsMeeting(decoded.update)) return { ok: false, reason: 'undecodable' }

  const before = readMeeting(doc)
  let changed = false
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === origins.import) changed = true
  }
  doc.on('update', onUpdate)
  try {
    Y.applyUpdate(doc, decoded.update, origins.import)
  } finally {
    doc.off('update', onUpdate)
  }
  const after = readMeeting(doc)
  const atelier = after.ateliers.find(({ id }) => id === decoded.header.atelierId)
  return {
    ok: true,
    report: mergeReport(before, after),
    changed,
    atelier: atelier ? { id: atelier.id, name: atelier.name } : null,
  }
}

/**
 * Tries the update on a scratch document first. Stricter than `Y.decodeUpdate`: it also catches
 * an update that decodes but fails to integrate, and one that holds no meeting at all — and a
 * failure there can never leave the real document half-changed.
 */
function holdsMeeting(update: Uint8Array): boolean {
  const scratch = new Y.Doc()
  try {
    Y.applyUpdate(scratch, update)
    return hasMeeting(scratch)
  } catch {
    return false
  } finally {
    scratch.destroy()
  }
}
