import { useCallback, useState } from 'react'
import { loadDraft, saveDraft } from '../device/drafts'

/**
 * A text field's value that survives a reload, a crash or a flat battery until it is submitted.
 *
 * @example
 *   const [text, setText] = useDraft(`proposal:${roomId}:${atelierId}`)
 *   // after submitting: setText('')
 */
export function useDraft(key: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => loadDraft(key))
  const update = useCallback(
    (next: string) => {
      setText(next)
      saveDraft(key, next)
    },
    [key],
  )
  return [text, update]
}
