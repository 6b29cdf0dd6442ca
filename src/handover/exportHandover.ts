/**
 * Makes the hand-over file of a meeting: the device's whole document, so the file is complete
 * on its own whatever the receiving device already has (importing what it has changes nothing).
 */
import * as Y from 'yjs'
import { encodeHandover, type HandoverSource } from './handoverFile'
import { fileSlug } from '../text/fileSlug'
import { formatFileTime } from '../text/formatDate'

const HANDOVER_EXTENSION = '.tandem'

/**
 * @param label what the file is named after, e.g. the atelier's name ("Santé").
 * @example
 *   const file = await exportHandover(session.doc, { roomId, atelierId, createdAt: Date.now() }, 'Santé')
 *   file.name  // "tandem-sante-20h15.tandem"
 */
export async function exportHandover(
  doc: Y.Doc,
  source: HandoverSource,
  label: string,
): Promise<File> {
  const bytes = await encodeHandover(Y.encodeStateAsUpdate(doc), source)
  return new File([bytes], handoverFileName(label, new Date(source.createdAt)), {
    type: 'application/octet-stream',
  })
}

/** `tandem-<label as ASCII words>-<HHhMM>.tandem`, local time: readable in any file list. */
export function handoverFileName(label: string, at: Date): string {
  const slug = fileSlug(label)
  return `tandem-${slug || 'rencontre'}-${formatFileTime(at.getTime())}${HANDOVER_EXTENSION}`
}
