/**
 * Hands a file to the user: the system share sheet where the browser can share files (iPad:
 * AirDrop, "Enregistrer dans Fichiers"; Android refuses unknown file types, so `canShare` says no
 * there), a download everywhere else. Needs the tap that asked for it (the share sheet opens only
 * shortly after a user gesture), so call it straight from a click handler.
 */
export type Delivery = 'shared' | 'downloaded' | 'cancelled'

/** How long the downloaded file's object URL lives: long enough for any browser to fetch it. */
const OBJECT_URL_LIFETIME_MS = 60_000

export async function deliverFile(file: File): Promise<Delivery> {
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file] })
      return 'shared'
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled'
      // Anything else (the gesture expired, sharing blocked): the download still works.
    }
  }
  download(file)
  return 'downloaded'
}

function download(file: File): void {
  const url = URL.createObjectURL(file)
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS)
}
