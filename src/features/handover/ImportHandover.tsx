import { useRef, useState, type ChangeEvent, type DragEvent } from 'react'
import { applyHandover, previewHandover, type ImportPreview } from '../../handover/importHandover'
import type { MeetingSession } from '../../sync/meetingSession'
import { t } from '../../text/strings'
import { describeConfirmation, describeImport, type ImportOutcome } from './describeImport'
import { Button } from '../../ui/Button'
import './handover.css'

/** A file read and merged into a copy, waiting for the coordinator's yes or no. */
interface Pending {
  fileName: string
  preview: Extract<ImportPreview, { ok: true }>
}

/**
 * "Importer un fichier": hand-over files, chosen with the file picker or dropped on the panel,
 * several at once (one per atelier). Each is first merged into a copy of the meeting; what it
 * would add, change, delete or bin, and which ateliers its content touches, is shown, and only
 * "Importer ce fichier" merges it. A file is untrusted: it may erase as well as add.
 */
export function ImportHandover({ session }: { session: MeetingSession }) {
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([])
  const [pending, setPending] = useState<Pending[]>([])
  const [busy, setBusy] = useState(false)
  const [dragging, setDragging] = useState(false)
  const picker = useRef<HTMLInputElement>(null)

  const readFiles = async (files: File[]) => {
    if (files.length === 0) return
    setBusy(true)
    const done: ImportOutcome[] = []
    const waiting: Pending[] = []
    for (const file of files) {
      try {
        const preview = await previewHandover(session.doc, session.roomId, file)
        const outcome = describeImport(file.name, preview)
        if (outcome) done.push(outcome)
        else if (preview.ok) waiting.push({ fileName: file.name, preview })
      } catch (error) {
        // Not the file's fault: this browser lacks something (e.g. gzip streams on an old iPad).
        console.error('hand-over import failed', error)
        done.push({ ok: false, message: t.handover.importFailed(file.name) })
      }
    }
    setOutcomes(done)
    setPending(waiting)
    setBusy(false)
  }
  const settle = (item: Pending, confirmed: boolean) => {
    if (confirmed) applyHandover(session.doc, item.preview)
    const message = confirmed
      ? t.handover.imported(describeConfirmation(item.preview).message)
      : t.handover.cancelled(item.fileName)
    setPending((list) => list.filter((other) => other !== item))
    setOutcomes((list) => [...list, { ok: true, message }])
  }
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? [])
    // Cleared so that choosing the same file again is seen (and reported as nothing new).
    event.target.value = ''
    void readFiles(files)
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
    if (!busy) void readFiles(Array.from(event.dataTransfer.files))
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
      <Button onClick={() => picker.current?.click()} disabled={busy}>
        {busy ? t.handover.importing : t.handover.import}
      </Button>
      {dragging && <p className="handover__drop-hint">{t.handover.dropHere}</p>}
      {pending.map((item) => (
        <PendingImport key={item.fileName} item={item} onSettle={settle} />
      ))}
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

/** One file waiting: what it would do, what to look at twice, and the two choices. */
function PendingImport({
  item,
  onSettle,
}: {
  item: Pending
  onSettle: (item: Pending, confirmed: boolean) => void
}) {
  const { message, touches, warnings } = describeConfirmation(item.preview)
  return (
    <div
      className="handover__pending"
      role="group"
      aria-label={item.fileName}
      data-testid="import-preview"
    >
      <p>{message}</p>
      {touches && <p className="help">{touches}</p>}
      {warnings.map((warning) => (
        <p key={warning} className="notice notice--error" data-testid="import-warning">
          {warning}
        </p>
      ))}
      <div className="handover__choices">
        <Button onClick={() => onSettle(item, true)}>{t.handover.confirm}</Button>
        <Button secondary onClick={() => onSettle(item, false)}>
          {t.handover.cancel}
        </Button>
      </div>
    </div>
  )
}
