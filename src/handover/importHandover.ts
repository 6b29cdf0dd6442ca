/**
 * Merges a hand-over file into the open meeting, exactly as a network sync would: the file's
 * Yjs update is applied to the document (one transaction, origin `import`), so y-indexeddb
 * stores it and the relay receives it at the next connection like any change made here.
 *
 * A file is untrusted: it may delete, bin or rename as well as add. So it is first merged into a
 * copy (`previewHandover`), the coordinator sees what it would change and which ateliers its
 * content touches, and only a confirmation applies it (`applyHandover`). A file whose changes
 * the relay would refuse for size is refused here, with a message, instead.
 */
import * as Y from 'yjs'
import { hasMeeting, readMeeting } from '../doc/meetingDoc'
import { origins } from '../doc/origins'
import type { RoomId } from '../links/capability'
import { RELAY_DEFAULT_LIMITS } from '../sync/protocol'
import { decodeHandover, type HandoverRefusal } from './handoverFile'
import { mergeReport, touchedAteliers, type MergeReport } from './mergeReport'

/** Room for the sync message's own header around the update (a few bytes in practice). */
const MESSAGE_OVERHEAD = 64 * 1024

export type ImportRefusal = HandoverRefusal | 'tooLargeForRelay'

export type ImportPreview =
  | {
      ok: true
      report: MergeReport
      /** False when the file brings nothing this device does not have (imported twice). */
      changed: boolean
      /** The atelier the file's header names; null if a coordinator's screen made it. */
      atelier: { id: string; name: string } | null
      /** The ateliers whose content the file changes, by name, read from the content. */
      touched: string[]
      /** The file's update, applied by `applyHandover` once confirmed. */
      update: Uint8Array
    }
  | { ok: false; reason: ImportRefusal }

export type ImportResult = ImportPreview

/** Validates `file` as a hand-over of `roomId` and says what merging it into `doc` would do. */
export async function previewHandover(
  doc: Y.Doc,
  roomId: RoomId,
  file: Blob,
): Promise<ImportPreview> {
  const decoded = await decodeHandover(file, roomId)
  if (!decoded.ok) return decoded
  if (!holdsMeeting(decoded.update)) return { ok: false, reason: 'undecodable' }
  const copy = copyOf(doc)
  try {
    let changed = false
    copy.on('update', () => {
      changed = true
    })
    try {
      Y.applyUpdate(copy, decoded.update, origins.import)
    } catch {
      return { ok: false, reason: 'undecodable' }
    }
    if (changed && !relayAccepts(doc, copy, decoded.update))
      return { ok: false, reason: 'tooLargeForRelay' }
    const before = readMeeting(doc)
    const after = readMeeting(copy)
    const atelier = [...after.ateliers, ...after.removedAteliers].find(
      ({ id }) => id === decoded.header.atelierId,
    )
    return {
      ok: true,
      report: mergeReport(before, after),
      changed,
      atelier: atelier ? { id: atelier.id, name: atelier.name } : null,
      touched: touchedAteliers(before, after),
      update: decoded.update,
    }
  } finally {
    copy.destroy()
  }
}

/** Merges a previewed file into the meeting, as the coordinator confirmed. */
export function applyHandover(doc: Y.Doc, preview: Extract<ImportPreview, { ok: true }>): void {
  Y.applyUpdate(doc, preview.update, origins.import)
}

/** Preview and merge at once, for tests and callers that confirm by other means. */
export async function importHandover(
  doc: Y.Doc,
  roomId: RoomId,
  file: Blob,
): Promise<ImportResult> {
  const preview = await previewHandover(doc, roomId, file)
  if (preview.ok) applyHandover(doc, preview)
  return preview
}

/**
 * Tries the update on a scratch document first. Stricter than `Y.decodeUpdate`: it also catches
 * an update that decodes but fails to integrate, and one that holds no meeting at all.
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

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/**
 * Whether the relay would take what this device would send it after the merge: one message
 * with what the file adds (the relay has this device's state at best), and the meeting whole
 * under the relay's size limit. A 19.6 MB file was accepted, then the device was closed by the
 * relay every four seconds and its later edits reached nobody.
 */
function relayAccepts(doc: Y.Doc, merged: Y.Doc, update: Uint8Array): boolean {
  const sent = Y.diffUpdate(update, Y.encodeStateVector(doc)).byteLength
  if (sent + MESSAGE_OVERHEAD > RELAY_DEFAULT_LIMITS.messageBytes) return false
  return Y.encodeStateAsUpdate(merged).byteLength <= RELAY_DEFAULT_LIMITS.documentBytes
}
