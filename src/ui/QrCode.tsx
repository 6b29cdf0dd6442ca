import { useEffect, useState } from 'react'
import { t } from '../text/strings'

/**
 * A QR code of `text`, drawn as SVG. The QR library is loaded only when one is shown, so it
 * weighs nothing on the first screen.
 */
export function QrCode({ text, className }: { text: string; className: string }) {
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    void import('uqr').then(({ renderSVG }) => {
      if (!cancelled) setSvg(renderSVG(text, { ecc: 'M', border: 2 }))
    })
    return () => {
      cancelled = true
    }
  }, [text])
  if (!svg) return <div className={className} aria-hidden="true" />
  // The SVG is generated locally from our own link, never from outside input.
  return (
    <div
      className={className}
      role="img"
      aria-label={t.prepare.qrLabel}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  )
}
