import { useRef, useState, type ChangeEvent, type DragEvent } from 'react'
import { importHandover } from '../../handover/importHandover'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../ui/strings'
import { describeImport, type ImportOutcome } from './describeImport'

/**
 * "Importer un fichier": merges hand-over files into the meeting, chosen with the file picker or
 * dropped on the panel, several at once (one per atelier), and says what each one brought.
 */
export function ImportHandover({ session }: { session: MeetingSession }) {
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([])
  const [busy, setBusy] = useState(false)
  const [dragging, setDragging] = useState(false)
  const picker = useRef<HTMLInputElement>(null)

  const importFiles = async (files: File[]) => {
    if (files.length === 0) return
    setBusy(true)
    const done: ImportOutcome[] = []
    // One after the other, so each report counts only what its own file brought.
    for (const file of files) {
      try {
        const result = await importHandover(session.doc, session.roomId, file)
        done.push(describeImport(file.name, result))
      } catch (error) {
        // Not the file's fault: this browser lacks something (e.g. gzip streams on an old iPad).
        console.error('hand-over import failed', error)
        done.push({ ok: false, message: t.handover.importFailed(file.name) })
      }
    }
    setOutcomes(done)
    setBusy(false)
  }
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? [])
    // Cleared so that choosing the same file again is seen (and reported as nothing new).
    event.target.value = ''
    void importFiles(files)
  }
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return
    event.preventDefault()
    setDragging(true)
  }
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    if (!busy) void importFiles(Array.from(event.dataTransfer.files))
  }

  return (
    <section
      className={`card handover handover--drop${dragging ? ' handover--dragging' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-testid="import-handover"
    >
      <h2>{t.handover.importTitle}</h2>
      <p className="help">{t.handover.importHelp}</p>
      {/* No `accept`: iPads grey out files of an extension they do not know. The file is
          checked on import instead, with a clear message if it is not a hand-over. */}
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        onChange={onPick}
        data-testid="import-file-input"
      />
      <button
        type="button"
        className="button"
        onClick={() => picker.current?.click()}
        disabled={busy}
      >
        {busy ? t.handover.importing : t.handover.import}
      </button>
      {dragging && <p className="handover__drop-hint">{t.handover.dropHere}</p>}
      <ul className="handover__outcomes" aria-live="polite">
        {outcomes.map((outcome, index) => (
          <li
            key={index}
            className={`handover__outcome handover__outcome--${outcome.ok ? 'ok' : 'refused'}`}
            data-testid="import-outcome"
          >
            {outcome.message}
          </li>
        ))}
      </ul>
    </section>
  )
}
